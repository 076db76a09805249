package dev.llmhpo.propose.llm.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.llm.text.CleanText;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes the data card safe to quote in a prompt: column names and category values come from the user's file, so
 * every string and field name is cleaned ({@link CleanText}) and capped, and long arrays and objects (columns,
 * categories) are cut with a note of how many were left out.
 */
final class DataCardSanitizer {
  static final int MAX_STRING_CHARS = 64;
  private static final int MAX_RAW_CHARS = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataCardSanitizer() {}

  /** Compact JSON of the cleaned card; a card that is not JSON is quoted as cleaned text. */
  static String sanitize(String dataCardJson, int maxArrayItems) {
    if (dataCardJson == null || dataCardJson.isBlank()) {
      return "\"no data card\"";
    }
    JsonNode card;
    try {
      card = JSON.readTree(dataCardJson);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.textNode(CleanText.clean(dataCardJson, MAX_RAW_CHARS)).toString();
    }
    return clean(card, maxArrayItems).toString();
  }

  private static JsonNode clean(JsonNode node, int maxArrayItems) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(CleanText.clean(node.textValue(), MAX_STRING_CHARS));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < Math.min(node.size(), maxArrayItems); i++) {
        out.add(clean(node.get(i), maxArrayItems));
      }
      if (node.size() > maxArrayItems) {
        out.add("... " + (node.size() - maxArrayItems) + " more");
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      for (int i = 0; i < maxArrayItems && fields.hasNext(); i++) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(CleanText.clean(field.getKey(), MAX_STRING_CHARS), clean(field.getValue(), maxArrayItems));
      }
      if (node.size() > maxArrayItems) {
        out.put("...", (node.size() - maxArrayItems) + " more");
      }
      return out;
    }
    return node;
  }
}

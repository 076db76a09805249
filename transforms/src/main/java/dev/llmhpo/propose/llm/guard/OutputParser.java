package dev.llmhpo.propose.llm.guard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the chat model's answer tolerantly: the first JSON value that has the answer's shape wins, whatever prose
 * or code fences surround it; trailing commas, comments and single quotes are accepted. Values come out as plain
 * Java numbers and strings, to be checked against the search space by {@link ConfigGuard}.
 */
public final class OutputParser {
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  // Enough to step past braces in prose before the real answer, few enough to bound the work on garbage.
  private static final int MAX_START_CANDIDATES = 50;

  /** One proposed configuration as written: parameter values not yet checked, and its rationale (may be null). */
  public record RawConfig(Map<String, Object> params, String rationale) {}

  /** The parsed answer; {@code problem} says why nothing could be read, null when the answer parsed. */
  public record ParsedAnswer(String analysis, List<RawConfig> configs, String problem) {
    static ParsedAnswer unreadable(String problem) {
      return new ParsedAnswer(null, List.of(), problem);
    }
  }

  private OutputParser() {}

  public static ParsedAnswer parse(String answer) {
    if (answer == null || answer.isBlank()) {
      return ParsedAnswer.unreadable("the answer was empty");
    }
    int candidates = 0;
    for (int i = 0; i < answer.length() && candidates < MAX_START_CANDIDATES; i++) {
      char c = answer.charAt(i);
      if (c != '{' && c != '[') {
        continue;
      }
      candidates++;
      JsonNode node = readFirstValue(answer.substring(i));
      if (node != null && configsOf(node) != null) {
        return new ParsedAnswer(textOrNull(node.get("analysis")), rawConfigs(configsOf(node)), null);
      }
    }
    return ParsedAnswer.unreadable("the answer held no JSON object with a \"configs\" array");
  }

  /** The first JSON value at the start of {@code text}, ignoring what follows it; null when it does not parse. */
  private static JsonNode readFirstValue(String text) {
    try (JsonParser parser = LENIENT.createParser(text)) {
      return LENIENT.readTree(parser);
    } catch (IOException e) {
      return null;
    }
  }

  /** {"configs": [...]} (or "configurations"), a bare array of config objects, or a single config object. */
  private static JsonNode configsOf(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (!item.isObject()) {
          return null;
        }
      }
      return node;
    }
    if (!node.isObject()) {
      return null;
    }
    for (String field : List.of("configs", "configurations")) {
      if (node.path(field).isArray()) {
        return node.get(field);
      }
    }
    return node.path("params").isObject() ? LENIENT.createArrayNode().add(node) : null;
  }

  private static List<RawConfig> rawConfigs(JsonNode array) {
    List<RawConfig> out = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isObject()) {
        out.add(new RawConfig(Map.of(), null));
        continue;
      }
      // Either {"params": {...}, "rationale": ...} or the parameters inline next to "rationale".
      JsonNode params = item.path("params").isObject() ? item.get("params") : item;
      Map<String, Object> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        // A null value counts as missing, so the space's default fills it.
        if (params == item && field.getKey().equals("rationale") || field.getValue().isNull()) {
          continue;
        }
        values.put(field.getKey(), scalar(field.getValue()));
      }
      out.add(new RawConfig(values, textOrNull(item.get("rationale"))));
    }
    return out;
  }

  /** Numbers and strings as themselves; anything else as its JSON text, which the space will refuse. */
  private static Object scalar(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : (Object) value.doubleValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.toString();
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.isTextual() ? node.textValue() : node.toString();
  }
}

package dev.llmhpo.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a search space from a JSON file: {@code {"params":[{"name":..., "type":..., ...}, ...]}}. */
final class SearchSpaceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // A misspelt field would otherwise be ignored without a word, so every field must be one of these.
  private static final List<String> FIELDS = List.of("name", "type", "low", "high", "log", "choices", "default");
  private static final Set<String> TYPES = Set.of("float", "int", "categorical");

  private SearchSpaceJson() {}

  static SearchSpace read(Path file) {
    try {
      return SearchSpace.of(params(MAPPER.readTree(file.toFile())));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("search space " + file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("search space " + file + ": cannot read it: " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("search space " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<SearchParam> params(JsonNode root) {
    if (root == null || !root.isObject() || !root.path("params").isArray()) {
      throw new IllegalArgumentException("expected a JSON object with a \"params\" array");
    }
    List<SearchParam> params = new ArrayList<>();
    for (JsonNode node : root.get("params")) {
      params.add(param(node, params.size() + 1));
    }
    return params;
  }

  private static SearchParam param(JsonNode node, int position) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("parameter #" + position + " is not a JSON object");
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new IllegalArgumentException("parameter #" + position + " has no name");
    }
    String where = "parameter '" + name.asText() + "'";
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(where + ": unknown field '" + field + "' (allowed: " + FIELDS + ")");
      }
    }
    ParamType type = type(where, node.get("type"));
    SearchParam.Builder param =
        SearchParam.newBuilder()
            .setName(name.asText())
            .setType(type)
            .setLow(number(where, node, "low"))
            .setHigh(number(where, node, "high"))
            .setLog(bool(where, node, "log"))
            .setChoices(choices(where, node.get("choices")));
    JsonNode defaultValue = node.get("default");
    if (defaultValue != null && !defaultValue.isNull()) {
      param.setDefaultValue(type == ParamType.CATEGORICAL ? scalarText(where, "default", defaultValue)
          : number(where, node, "default"));
    }
    return param.build();
  }

  private static ParamType type(String where, JsonNode type) {
    if (type == null || type.isNull()) {
      throw new IllegalArgumentException(where + " has no type");
    }
    String text = type.asText().toLowerCase(Locale.ROOT);
    if (!type.isTextual() || !TYPES.contains(text)) {
      throw new IllegalArgumentException(
          where + ": unknown type '" + type.asText() + "' (allowed: float, int, categorical)");
    }
    return ParamType.valueOf(text.toUpperCase(Locale.ROOT));
  }

  private static Double number(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(where + ": " + field + " must be a number, not " + value);
    }
    return value.asDouble();
  }

  private static boolean bool(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(where + ": " + field + " must be true or false, not " + value);
    }
    return value.asBoolean();
  }

  private static List<String> choices(String where, JsonNode choices) {
    List<String> texts = new ArrayList<>();
    if (choices == null || choices.isNull()) {
      return texts;
    }
    if (!choices.isArray()) {
      throw new IllegalArgumentException(where + ": choices must be an array, not " + choices);
    }
    for (JsonNode choice : choices) {
      texts.add(scalarText(where, "choices", choice));
    }
    return texts;
  }

  private static String scalarText(String where, String field, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw new IllegalArgumentException(where + ": " + field + ": expected a string, not " + value);
    }
    return value.asText();
  }
}

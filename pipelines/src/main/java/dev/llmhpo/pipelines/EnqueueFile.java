package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.llmhpo.data.ClosestName;
import dev.llmhpo.space.InvalidConfigException;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configurations of {@code --enqueue=FILE}: a JSON or YAML list of objects such as
 * {@code [{"eta": 0.05, "max_depth": 6}]}, each made into a full configuration of the space, the parameters it leaves
 * out taken from the space's defaults. A value outside the space or a key the space lacks is refused, the message
 * naming the file, the entry (numbered from 1) and the key.
 */
final class EnqueueFile {
  private EnqueueFile() {}

  static List<Map<String, Object>> read(Path file, SearchSpace space) {
    String where = "--enqueue=" + file;
    JsonNode root = parse(file, where);
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          where + ": expected a list of configurations, such as [{\"eta\": 0.05, \"max_depth\": 6}]");
    }
    List<Map<String, Object>> configs = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      configs.add(config(where + ": entry " + (i + 1), root.get(i), space));
    }
    return configs;
  }

  private static Map<String, Object> config(String where, JsonNode entry, SearchSpace space) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object of parameter names to values");
    }
    Map<String, Object> given = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (!space.names().contains(key)) {
        String suggestion = ClosestName.of(key, space.names()).map(k -> " (did you mean " + k + "?)").orElse("");
        throw new IllegalArgumentException(
            where + ": " + key + ": not a parameter of the search space" + suggestion + "; it has " + space.names());
      }
      if (field.getValue().isContainerNode()) {
        throw new IllegalArgumentException(where + ": " + key + ": expected a value, not a list or an object");
      }
      try {
        given.put(key, space.coerce(key, value(field.getValue()), OutOfRange.REJECT));
      } catch (InvalidConfigException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return space.coerce(given, OutOfRange.REJECT);
  }

  /** The plain value a JSON or YAML node holds: a number, or text (a YAML true as "true"); null for null. */
  private static Object value(JsonNode node) {
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.isTextual() || node.isBoolean() ? node.asText() : null;
  }

  private static JsonNode parse(Path file, String where) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + ": no such file");
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? new ObjectMapper() : new YAMLMapper();
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      String format = json ? "JSON" : "YAML";
      throw new IllegalArgumentException(where + " is not valid " + format + ": " + e.getMessage(), e);
    }
  }
}

package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A study file ({@code --study=FILE}, YAML or JSON) as command-line options. Every key is the option of the same
 * name; a nested key joins its parents' names in camel case ({@code llm: {model: m}} is {@code --llmModel=m}), so
 * every option, new ones included, can be set from the file. Lists become comma-separated values. An inline search
 * space ({@code space:} holding an object or a list rather than a file name) is written to a temporary JSON file
 * that {@code --space} then names. Options given on the command line win over the file's.
 */
final class StudyFile {
  private static final String SPACE = "space";

  private StudyFile() {}

  /**
   * The command line with the options of the study file it names ({@code --study=FILE}, if any) in front, less those
   * the command line sets itself. IllegalArgumentException naming the file and the option for an unknown option or
   * a badly typed value in the file.
   */
  static List<String> merge(List<String> commandLine) {
    String study = commandLine.stream().filter(a -> name(a).equals("study") && a.contains("=")).map(a -> a.substring(a.indexOf('=') + 1)).reduce((a, b) -> b).orElse(null);
    if (study == null) {
      return commandLine;
    }
    Path file = Path.of(study);
    List<String> fromFile = options(file);
    try {
      OptionChecks.names("tune", TuneOptions.class, fromFile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("study file " + file + ": " + e.getMessage(), e);
    }
    Set<String> given = commandLine.stream().map(StudyFile::name).collect(Collectors.toCollection(HashSet::new));
    // The run's length is one setting given two ways: the command line's, in trials or rounds, replaces the file's.
    if (given.contains("trials") || given.contains("rounds")) {
      given.addAll(List.of("trials", "rounds"));
    }
    List<String> merged = new ArrayList<>();
    for (String option : fromFile) {
      if (!given.contains(name(option))) {
        merged.add(option);
      }
    }
    merged.addAll(commandLine);
    return merged;
  }

  /** The file's options as {@code --name=value} arguments, in file order. */
  static List<String> options(Path file) {
    JsonNode root = read(file);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("study file " + file + ": expected a map of option names to values");
    }
    List<String> options = new ArrayList<>();
    flatten(file, "", root, options);
    return options;
  }

  private static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("study file " + file + " does not exist");
    }
    ObjectMapper mapper = file.getFileName().toString().toLowerCase().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("study file " + file + " is not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": " + e.getMessage(), e);
    }
  }

  private static void flatten(Path file, String prefix, JsonNode node, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = prefix.isEmpty() ? field.getKey() : prefix + Character.toUpperCase(field.getKey().charAt(0)) + field.getKey().substring(1);
      JsonNode value = field.getValue();
      if (name.equals("study")) {
        throw new IllegalArgumentException("study file " + file + ": a study file cannot name another (key 'study')");
      } else if (name.equals(SPACE) && (value.isObject() || value.isArray())) {
        out.add("--" + SPACE + "=" + inlineSpace(file, value));
      } else if (value.isObject()) {
        flatten(file, name, value, out);
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
          if (!item.isValueNode()) {
            throw new IllegalArgumentException("study file " + file + ": '" + name + "' must be a list of plain values");
          }
          items.add(item.asText());
        }
        out.add("--" + name + "=" + String.join(",", items));
      } else if (!value.isNull()) {
        out.add("--" + name + "=" + value.asText());
      }
    }
  }

  /** Writes an inline search space where {@code --space} can read it; a bare list is the space's params. */
  private static String inlineSpace(Path file, JsonNode space) {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = space.isArray() ? json.createObjectNode().set("params", space) : space;
    try {
      Path tmp = Files.createTempFile("space-of-" + file.getFileName() + "-", ".json");
      tmp.toFile().deleteOnExit();
      json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      return tmp.toString();
    } catch (IOException e) {
      throw new IllegalArgumentException("study file " + file + ": could not write its search space to a temporary file: " + e.getMessage(), e);
    }
  }

  /** The option's name: {@code --rounds=3} is {@code rounds}. */
  static String name(String arg) {
    String bare = arg.startsWith("--") ? arg.substring(2) : arg;
    int eq = bare.indexOf('=');
    return eq < 0 ? bare : bare.substring(0, eq);
  }
}

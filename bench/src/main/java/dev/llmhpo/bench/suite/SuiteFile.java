package dev.llmhpo.bench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmhpo.bench.suite.SuiteTable.Split;
import dev.llmhpo.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suite file (YAML, or JSON, which YAML reads too): the user's own tables and arms.
 *
 * <pre>
 * dataRoot: tables            # folder the table paths are relative to; relative to this file's folder
 * tables:
 *   - name: churn
 *     train: churn/train.csv
 *     test: churn/test.csv    # optional; without it `split` carves the test rows out of train
 *     target: churned
 *     task: binary            # optional: binary, multiclass, regression, auto (default)
 *     metric: logloss         # optional: the task's default
 *     split: stratified       # file (default with a test file), stratified (default without), random, time
 *     testFraction: 0.2
 *     drop: [customer_id]
 * arms:
 *   - name: tpe-20-startup
 *     options: [--proposer=tpe, --tpeStartupTrials=20]
 *     trials: 50              # optional: the suite's --trials
 *     llm: false              # needs a chat endpoint, so runs only where one is configured (--proposer=llm* implies it)
 * </pre>
 */
public record SuiteFile(Path dataRoot, Map<String, SuiteTable> tables, Map<String, SuiteArm> arms) {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record FileTable(
      String name, String train, String test, String target, String task, String metric, String split,
      Double testFraction, List<String> drop) {}

  record FileArm(String name, List<String> options, Integer trials, Boolean llm) {}

  record Contents(String dataRoot, List<FileTable> tables, List<FileArm> arms) {}

  /** Reads {@code file}; a mistake stops with the file, line and column, or the table or arm, named. */
  public static SuiteFile read(Path file) {
    Contents contents;
    try {
      contents = YAML.readValue(Files.readAllBytes(file), Contents.class);
    } catch (JsonProcessingException e) {
      throw new DataException("suite file " + file + where(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataException("could not read the suite file " + file + ": " + e.getMessage());
    }
    if (contents == null) {
      throw new DataException("suite file " + file + " is empty");
    }
    Path folder = file.toAbsolutePath().getParent();
    Path root = contents.dataRoot() == null ? folder : folder.resolve(contents.dataRoot()).normalize();
    Map<String, SuiteTable> tables = new LinkedHashMap<>();
    for (FileTable t : contents.tables() == null ? List.<FileTable>of() : contents.tables()) {
      SuiteTable table = table(file, root, t);
      if (tables.put(table.name(), table) != null) {
        throw new DataException("suite file " + file + ": table " + table.name() + " is defined twice");
      }
    }
    Map<String, SuiteArm> arms = new LinkedHashMap<>();
    for (FileArm a : contents.arms() == null ? List.<FileArm>of() : contents.arms()) {
      SuiteArm arm = arm(file, a);
      if (arms.put(arm.name(), arm) != null) {
        throw new DataException("suite file " + file + ": arm " + arm.name() + " is defined twice");
      }
    }
    return new SuiteFile(root, tables, arms);
  }

  /** Where the mistake is: the key's path (tables[0].traget) and the line the parser had reached. */
  private static String where(JsonProcessingException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    JsonLocation at = e.getLocation();
    String line = at == null ? "" : (path.isEmpty() ? " line " : " near line ") + at.getLineNr();
    return path.isEmpty() ? line : ", " + path + "," + line;
  }

  private static SuiteTable table(Path file, Path root, FileTable t) {
    String name = required(file, "a table", "name", t.name());
    String what = "table " + name;
    Path train = root.resolve(required(file, what, "train", t.train()));
    Path test = t.test() == null ? null : root.resolve(t.test());
    Split split;
    try {
      split = t.split() == null
          ? (test != null ? Split.FILE : Split.STRATIFIED)
          : Split.valueOf(t.split().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DataException(
          "suite file " + file + ", " + what + ": split '" + t.split() + "' is not one of file, stratified, random, time");
    }
    try {
      return new SuiteTable(name, train, test, required(file, what, "target", t.target()),
          t.task() == null ? "auto" : t.task(), t.metric(), split,
          t.testFraction() == null ? 0.2 : t.testFraction(), t.drop() == null ? List.of() : t.drop());
    } catch (IllegalArgumentException e) {
      throw new DataException("suite file " + file + ": " + e.getMessage());
    }
  }

  private static SuiteArm arm(Path file, FileArm a) {
    String name = required(file, "an arm", "name", a.name());
    if (a.trials() != null && a.trials() < 1) {
      throw new DataException("suite file " + file + ", arm " + name + ": trials must be at least 1, got " + a.trials());
    }
    try {
      List<String> options = a.options() == null ? List.of() : a.options();
      boolean llm = Boolean.TRUE.equals(a.llm()) || options.stream().anyMatch(o -> o.startsWith("--proposer=llm"));
      return new SuiteArm(name, options, a.trials() == null ? 0 : a.trials(), llm);
    } catch (IllegalArgumentException e) {
      throw new DataException("suite file " + file + ": " + e.getMessage());
    }
  }

  private static String required(Path file, String what, String key, String value) {
    if (value == null || value.isBlank()) {
      throw new DataException("suite file " + file + ": " + what + " has no '" + key + "'");
    }
    return value;
  }
}

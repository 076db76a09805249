package dev.llmhpo.bench.suite;

import dev.llmhpo.bench.suite.SuiteTable.Split;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and arms a suite knows without a suite file: the real tables of {@code ../shared/data} as their
 * READMEs describe them, two seeded generated tables, and one arm per proposer.
 */
public final class BuiltInSuite {
  /** Built-in arm names in their usual order. */
  public static final List<String> ARMS =
      List.of("default-only", "random", "lhs", "tpe", "tpe+portfolio", "llm", "llm-tpe", "llm-shuffled");

  private static final double TEST_FRACTION = 0.2;

  private BuiltInSuite() {}

  /** The real tables under {@code dataRoot}, by folder name, as their READMEs describe them. */
  public static Map<String, SuiteTable> realTables(Path dataRoot) {
    Map<String, SuiteTable> tables = new LinkedHashMap<>();
    add(tables, new SuiteTable("adult", dataRoot.resolve("adult/adult.data.csv"),
        dataRoot.resolve("adult/adult.test.csv"), "ltgt50k", "binary", null, Split.FILE, TEST_FRACTION, List.of()));
    add(tables, single(dataRoot, "california_housing", "median_house_value", "regression", Split.RANDOM, List.of()));
    add(tables, single(dataRoot, "credit_card_default", "default payment next month", "binary", Split.STRATIFIED,
        List.of("ID")));
    // Its rows are a time series: a shuffled split would leak the future.
    add(tables, single(dataRoot, "electricity", "class", "binary", Split.TIME, List.of()));
    add(tables, single(dataRoot, "german_credit", "class", "binary", Split.STRATIFIED, List.of()));
    add(tables, single(dataRoot, "spambase", "class", "binary", Split.STRATIFIED, List.of()));
    return tables;
  }

  /** Names of the seeded generated tables, written on first use by {@link GeneratedTables}. */
  public static List<String> generatedTables() {
    return List.copyOf(GeneratedTables.SHAPES.keySet());
  }

  /** The built-in arm of that name, or null. */
  public static SuiteArm arm(String name) {
    return switch (name) {
      case "default-only" -> new SuiteArm(name, List.of("--trialsPerRound=1"), 1, false);
      case "random", "lhs", "tpe" -> new SuiteArm(name, List.of("--proposer=" + name), 0, false);
      case "tpe+portfolio" -> new SuiteArm(name, List.of("--proposer=tpe", "--startup=portfolio"), 0, false);
      case "llm", "llm-tpe" -> new SuiteArm(name, List.of("--proposer=" + name), 0, true);
      // The control of the llm arm: the same prompt with the history's results permuted across trials.
      case "llm-shuffled" -> new SuiteArm(name, List.of("--proposer=llm", "--llmShuffledFeedback=true"), 0, true);
      default -> null;
    };
  }

  private static SuiteTable single(
      Path root, String name, String target, String task, Split split, List<String> drop) {
    return new SuiteTable(name, root.resolve(name + "/" + name + ".csv"), null, target, task, null, split,
        TEST_FRACTION, drop);
  }

  private static void add(Map<String, SuiteTable> tables, SuiteTable table) {
    tables.put(table.name(), table);
  }
}

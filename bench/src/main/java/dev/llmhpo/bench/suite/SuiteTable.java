package dev.llmhpo.bench.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * One table of a suite: its files, target and how its test rows are chosen.
 *
 * @param test the table's own test file; null when {@code split} carves one out of {@code train}
 * @param task {@code binary}, {@code multiclass}, {@code regression} or {@code auto}
 * @param metric the metric tuned on the validation split; null for the task's default
 * @param drop columns left out of every study (identifiers such as {@code ID})
 */
public record SuiteTable(
    String name,
    Path train,
    Path test,
    String target,
    String task,
    String metric,
    Split split,
    double testFraction,
    List<String> drop) {

  /** How a table's test rows are chosen; the same for every arm of a seed. */
  public enum Split {
    /** the table has its own test file */
    FILE,
    /** seeded, stratified by the target's value (classification) */
    STRATIFIED,
    /** seeded, uniform (regression) */
    RANDOM,
    /** the last rows in file order, for tables in time order; the same for every seed */
    TIME
  }

  public SuiteTable {
    drop = List.copyOf(drop);
    if (split == Split.FILE && test == null) {
      throw new IllegalArgumentException("table " + name + ": split 'file' needs a test file");
    }
    if (split != Split.FILE && !(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "table " + name + ": testFraction must be between 0 and 1, got " + testFraction);
    }
  }
}

package dev.llmhpo.bench.suite;

import dev.llmhpo.bench.SyntheticTable;
import dev.llmhpo.bench.suite.SuiteTable.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The suite's seeded generated tables (the scale benchmark's generator): a wide one and a million-row one. */
final class GeneratedTables {
  /** name → {rows, features} of the training file; the test file has a quarter as many rows. */
  static final Map<String, int[]> SHAPES =
      Map.of("generated-wide", new int[] {5_000, 500}, "generated-1m", new int[] {1_000_000, 50});

  private GeneratedTables() {}

  /** The table {@code name}, its files written under {@code dir} unless already there; null for other names. */
  static SuiteTable table(String name, Path dir) {
    int[] shape = SHAPES.get(name);
    if (shape == null) {
      return null;
    }
    Path train = new SyntheticTable(shape[0], shape[1], 1).writeTo(dir, "train");
    Path test = new SyntheticTable(Math.max(1, shape[0] / 4), shape[1], 2).writeTo(dir, "test");
    return new SuiteTable(name, train, test, SyntheticTable.TARGET, "binary", null, Split.FILE, 0.2, List.of());
  }
}

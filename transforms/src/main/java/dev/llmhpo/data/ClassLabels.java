package dev.llmhpo.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A target column read as class labels: its distinct labels in sorted order, and for each row the index of its
 * label, or {@link #MISSING}. Labels are normalised by trimming and dropping one trailing period, because Adult's
 * test file writes {@code >50K.} where its training file writes {@code >50K}. Numeric targets are sorted as
 * numbers and their whole values written without a decimal point ({@code 1}, not {@code 1.0}).
 */
final class ClassLabels {
  static final int MISSING = -1;

  private final List<String> labels;
  private final int[] codes;

  private ClassLabels(List<String> labels, int[] codes) {
    this.labels = labels;
    this.codes = codes;
  }

  static ClassLabels of(Column column) {
    if (column instanceof NumericColumn numeric) {
      return ofNumbers(numeric);
    }
    return ofStrings((CategoricalColumn) column);
  }

  static String normalise(String label) {
    String trimmed = label.trim();
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  List<String> labels() {
    return labels;
  }

  /** The index into {@link #labels()} of the label in {@code row}, or {@link #MISSING}. */
  int code(int row) {
    return codes[row];
  }

  /** How many rows hold each label. */
  int[] counts() {
    int[] counts = new int[labels.size()];
    for (int code : codes) {
      if (code != MISSING) {
        counts[code]++;
      }
    }
    return counts;
  }

  private static ClassLabels ofStrings(CategoricalColumn column) {
    List<String> labels =
        List.copyOf(new TreeSet<>(column.categories().stream().map(ClassLabels::normalise).toList()));
    int[] labelOfCategory =
        column.categories().stream()
            .mapToInt(category -> Collections.binarySearch(labels, normalise(category)))
            .toArray();
    int[] codes = new int[column.size()];
    for (int row = 0; row < codes.length; row++) {
      int category = column.code(row);
      codes[row] = category == CategoricalColumn.MISSING ? MISSING : labelOfCategory[category];
    }
    return new ClassLabels(labels, codes);
  }

  private static ClassLabels ofNumbers(NumericColumn column) {
    double[] distinct = column.distinctValues();
    List<String> labels = Arrays.stream(distinct).mapToObj(ClassLabels::format).toList();
    int[] codes = new int[column.size()];
    for (int row = 0; row < codes.length; row++) {
      codes[row] = column.isMissing(row) ? MISSING : Arrays.binarySearch(distinct, column.value(row));
    }
    return new ClassLabels(labels, codes);
  }

  private static String format(double value) {
    boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
    return whole ? Long.toString((long) value) : Double.toString(value);
  }
}

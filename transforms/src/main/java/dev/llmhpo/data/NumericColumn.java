package dev.llmhpo.data;

import java.util.Arrays;

/** A column of numbers, stored as doubles; NaN marks a missing value. */
public final class NumericColumn implements Column {
  private final String name;
  private final double[] values;

  NumericColumn(String name, double[] values) {
    this.name = name;
    this.values = values;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  /** The value in {@code row}, NaN when missing. */
  public double value(int row) {
    return values[row];
  }

  /** The distinct non-missing values, ascending. */
  public double[] distinctValues() {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** Collects values row by row. */
  static final class Builder {
    private double[] values = new double[1024];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    NumericColumn build(String name) {
      return new NumericColumn(name, Arrays.copyOf(values, size));
    }
  }
}

package dev.llmhpo.data;

/**
 * Features and labels ready for XGBoost: {@code rows x cols} float values in row-major order (NaN is missing),
 * one label per row, and per column its name and XGBoost feature type ({@code q} numeric, {@code c}
 * categorical).
 *
 * <p>The accessors return the backing arrays without copying, for handing straight to a DMatrix; callers must not
 * modify them.
 */
public final class EncodedMatrix {
  private final float[] values;
  private final int rows;
  private final int cols;
  private final float[] labels;
  private final String[] featureNames;
  private final String[] featureTypes;

  public EncodedMatrix(
      float[] values, int rows, int cols, float[] labels, String[] featureNames, String[] featureTypes) {
    if (values.length != (long) rows * cols || labels.length != rows) {
      throw new IllegalArgumentException(
          values.length + " values and " + labels.length + " labels do not fit " + rows + " x " + cols);
    }
    if (featureNames.length != cols || featureTypes.length != cols) {
      throw new IllegalArgumentException(
          featureNames.length + " names and " + featureTypes.length + " types for " + cols + " columns");
    }
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.labels = labels;
    this.featureNames = featureNames;
    this.featureTypes = featureTypes;
  }

  /** The rows at {@code indices}, in that order. */
  public EncodedMatrix rows(int[] indices) {
    float[] selectedValues = new float[indices.length * cols];
    float[] selectedLabels = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * cols, selectedValues, i * cols, cols);
      selectedLabels[i] = labels[indices[i]];
    }
    return new EncodedMatrix(selectedValues, indices.length, cols, selectedLabels, featureNames, featureTypes);
  }

  public float value(int row, int col) {
    return values[row * cols + col];
  }

  public float[] values() {
    return values;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public float[] labels() {
    return labels;
  }

  public String[] featureNames() {
    return featureNames;
  }

  public String[] featureTypes() {
    return featureTypes;
  }
}

package dev.llmhpo.data;

/** One column of a {@link Table}. */
public sealed interface Column permits NumericColumn, CategoricalColumn {
  String name();

  ColumnType type();

  int size();

  boolean isMissing(int row);

  default int missingCount() {
    int missing = 0;
    for (int row = 0; row < size(); row++) {
      if (isMissing(row)) {
        missing++;
      }
    }
    return missing;
  }

  default ColumnSpec spec() {
    return new ColumnSpec(name(), type());
  }
}

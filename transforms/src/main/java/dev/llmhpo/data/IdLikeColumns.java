package dev.llmhpo.data;

import java.util.Optional;

/**
 * Finds a column that looks like a row identifier: on a table of at least {@value #MIN_ROWS} rows, whole numbers
 * or text with at least {@value #MIN_DISTINCT_SHARE} as many distinct values as rows holding a value. Fractional
 * numbers are left alone: measurements are often all distinct.
 */
final class IdLikeColumns {
  static final int MIN_ROWS = 300;
  static final double MIN_DISTINCT_SHARE = 0.95;

  private IdLikeColumns() {}

  static Optional<DataWarning> check(Column column) {
    int rows = column.size() - column.missingCount();
    if (column.size() < MIN_ROWS || rows == 0) {
      return Optional.empty();
    }
    int distinct;
    if (column instanceof NumericColumn numeric) {
      double[] values = numeric.distinctValues();
      for (double value : values) {
        if (value != Math.rint(value)) {
          return Optional.empty();
        }
      }
      distinct = values.length;
    } else {
      distinct = ((CategoricalColumn) column).categories().size();
    }
    return distinct >= MIN_DISTINCT_SHARE * rows
        ? Optional.of(DataWarning.idLike(column.name(), distinct, rows))
        : Optional.empty();
  }
}

package dev.llmhpo.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a {@link Table} row by row for the readers of typed files (Avro, Parquet), whose schema settles each
 * column's type before the first row: numbers go straight into primitive arrays, text into coded columns.
 */
final class TableBuilder {
  private final String source;
  private final List<ColumnSpec> schema;
  private final NumericColumn.Builder[] numbers;
  private final CategoricalColumn.Builder[] categories;
  private int rows;

  TableBuilder(String source, List<ColumnSpec> schema) {
    this.source = source;
    this.schema = List.copyOf(schema);
    numbers = new NumericColumn.Builder[schema.size()];
    categories = new CategoricalColumn.Builder[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      if (schema.get(i).type() == ColumnType.NUMERIC) {
        numbers[i] = new NumericColumn.Builder();
      } else {
        categories[i] = new CategoricalColumn.Builder();
      }
    }
  }

  /** Adds a value to a numeric column of the current row; NaN is missing, as an empty CSV cell is. */
  void addNumber(int column, double value) {
    if (Double.isInfinite(value)) {
      throw new DataException(
          source + " row " + (rows + 1) + " column '" + schema.get(column).name() + "' holds " + value
              + "; XGBoost needs finite numbers (NaN or null for missing)");
    }
    numbers[column].add(value);
  }

  /** Adds a value to a categorical column of the current row; null is missing. */
  void addText(int column, String value) {
    if (value == null) {
      categories[column].addMissing();
    } else {
      categories[column].add(value);
    }
  }

  /** Adds a missing value to either kind of column. */
  void addMissing(int column) {
    if (numbers[column] != null) {
      numbers[column].add(Double.NaN);
    } else {
      categories[column].addMissing();
    }
  }

  /** Ends the current row; every column must have had exactly one value. */
  void endRow() {
    rows++;
  }

  Table build() {
    if (rows == 0) {
      throw new DataException(source + " has no data rows");
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      String name = schema.get(i).name();
      columns.add(numbers[i] != null ? numbers[i].build(name) : categories[i].build(name));
    }
    return new Table(source, columns, rows, List.of());
  }
}

package dev.llmhpo.data;

import java.util.List;

/** Columns read from one file, all of the same length. */
public final class Table {
  private final String source;
  private final List<Column> columns;
  private final int rowCount;

  Table(String source, List<Column> columns, int rowCount) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
  }

  /** The file the table was read from, for messages. */
  public String source() {
    return source;
  }

  public int rowCount() {
    return rowCount;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public List<ColumnSpec> schema() {
    return columns.stream().map(Column::spec).toList();
  }

  /** The column called {@code name}; a {@link DataException} listing the columns there are if none is. */
  public Column requireColumn(String name) {
    for (Column column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new DataException(
        source + " has no column '" + name + "'; available columns: " + String.join(", ", columnNames()));
  }
}

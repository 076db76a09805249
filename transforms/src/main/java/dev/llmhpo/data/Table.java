package dev.llmhpo.data;

import java.util.List;

/** Columns read from one file, all of the same length, and what reading them noticed. */
public final class Table {
  private final String source;
  private final List<Column> columns;
  private final int rowCount;
  private final List<DataWarning> warnings;

  Table(String source, List<Column> columns, int rowCount, List<DataWarning> warnings) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    this.warnings = List.copyOf(warnings);
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

  /** What the reader noticed about the columns: values that did not read as the column's type. */
  public List<DataWarning> warnings() {
    return warnings;
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
        source + " has no column '" + name + "'"
            + ClosestName.of(name, columnNames()).map(c -> " (did you mean '" + c + "'?)").orElse("")
            + "; available columns: " + String.join(", ", columnNames()));
  }
}

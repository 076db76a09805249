package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a table from a CSV, Avro or Parquet file, choosing the reader by {@link TableFormat#of}. Avro and Parquet
 * files carry their column types, so the settings' numeric columns must be numeric in them already.
 */
public final class TableFiles {
  private TableFiles() {}

  public static Table read(Path file, ReadSettings settings) {
    return switch (TableFormat.of(file)) {
      case CSV -> CsvTableReader.read(file, settings);
      case AVRO -> requireNumeric(AvroTableReader.read(file), settings);
      case PARQUET -> requireNumeric(ParquetTableReader.read(file), settings);
    };
  }

  /**
   * Reads {@code file} as a second file of {@code reference}'s data, as a test file is read like its training
   * file: the same column names, in any order. A CSV file is parsed with the reference's column types; Avro and
   * Parquet files carry their own, which the encoding then checks against the reference's.
   */
  public static Table readLike(Path file, Table reference, ReadSettings settings) {
    if (TableFormat.of(file) == TableFormat.CSV) {
      return CsvTableReader.readLike(file, reference, settings);
    }
    Table table = read(file, settings);
    requireSameColumns(table, reference);
    return table;
  }

  private static Table requireNumeric(Table table, ReadSettings settings) {
    for (String name : settings.numericColumns()) {
      if (table.requireColumn(name).type() != ColumnType.NUMERIC) {
        throw new DataException(
            table.source() + " column '" + name + "' holds text in the file's own schema; only CSV columns can be"
                + " read as numbers on request");
      }
    }
    return table;
  }

  private static void requireSameColumns(Table table, Table reference) {
    Set<String> missing = new LinkedHashSet<>(reference.columnNames());
    table.columnNames().forEach(missing::remove);
    List<String> unexpected =
        table.columnNames().stream().filter(name -> !reference.columnNames().contains(name)).toList();
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      throw new DataException(
          table.source() + " has different columns from " + reference.source() + ": missing " + missing
              + ", unexpected " + unexpected);
    }
  }
}

package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with a header row into a {@link Table}.
 *
 * <p>{@code ?}, {@code NA} and empty cells are missing. A column is {@link ColumnType#NUMERIC} when every
 * non-missing value in it is a number, otherwise {@link ColumnType#CATEGORICAL}. Types are settled by a first
 * pass over the file and the values stored by a second, so that cells go straight into primitive arrays and no
 * column ever holds a string per row.
 */
public final class CsvTableReader {
  private CsvTableReader() {}

  /** Reads {@code file}, detecting each column's type. */
  public static Table read(Path file) {
    return read(file, detectSchema(file), file.toString());
  }

  /**
   * Reads {@code file} with the columns and types of {@code reference}, as a test file is read like its training
   * file: the same column names (in any order), and a number wherever the reference column is numeric.
   */
  public static Table readLike(Path file, Table reference) {
    return read(file, reference.schema(), reference.source());
  }

  private static List<ColumnSpec> detectSchema(Path file) {
    try (CsvRecordReader records = CsvRecordReader.open(file)) {
      List<String> header = readHeader(records);
      boolean[] numeric = new boolean[header.size()];
      Arrays.fill(numeric, true);
      int rows = 0;
      while (records.next()) {
        List<String> fields = requireFieldCount(records, header.size());
        for (int column = 0; column < numeric.length; column++) {
          String value = fields.get(column);
          if (numeric[column] && !isMissing(value) && Double.isNaN(parsePlainNumber(value))) {
            numeric[column] = false;
          }
        }
        rows++;
      }
      requireRows(records, rows);
      List<ColumnSpec> schema = new ArrayList<>();
      for (int column = 0; column < numeric.length; column++) {
        schema.add(
            new ColumnSpec(header.get(column), numeric[column] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL));
      }
      return schema;
    }
  }

  private static Table read(Path file, List<ColumnSpec> schema, String schemaSource) {
    try (CsvRecordReader records = CsvRecordReader.open(file)) {
      List<String> header = readHeader(records);
      int[] schemaIndex = matchHeader(records, header, schema, schemaSource);
      NumericColumn.Builder[] numbers = new NumericColumn.Builder[schema.size()];
      CategoricalColumn.Builder[] categories = new CategoricalColumn.Builder[schema.size()];
      for (int i = 0; i < schema.size(); i++) {
        if (schema.get(i).type() == ColumnType.NUMERIC) {
          numbers[i] = new NumericColumn.Builder();
        } else {
          categories[i] = new CategoricalColumn.Builder();
        }
      }
      int rows = 0;
      while (records.next()) {
        List<String> fields = requireFieldCount(records, header.size());
        for (int position = 0; position < fields.size(); position++) {
          int column = schemaIndex[position];
          String value = fields.get(position);
          if (numbers[column] != null) {
            numbers[column].add(
                isMissing(value) ? Double.NaN : parseNumber(records, header.get(position), value, schemaSource));
          } else if (isMissing(value)) {
            categories[column].addMissing();
          } else {
            categories[column].add(value);
          }
        }
        rows++;
      }
      requireRows(records, rows);
      List<Column> columns = new ArrayList<>();
      for (int i = 0; i < schema.size(); i++) {
        String name = schema.get(i).name();
        columns.add(numbers[i] != null ? numbers[i].build(name) : categories[i].build(name));
      }
      return new Table(file.toString(), columns, rows);
    }
  }

  private static List<String> readHeader(CsvRecordReader records) {
    if (!records.next()) {
      throw new DataException(records.file() + " is empty: expected a header row and at least one data row");
    }
    List<String> header = List.copyOf(records.fields());
    Set<String> seen = new HashSet<>();
    for (int position = 0; position < header.size(); position++) {
      String name = header.get(position);
      if (name.isEmpty()) {
        throw new DataException(
            records.file() + " line " + records.line() + ": column " + (position + 1) + " of the header has no name");
      }
      if (!seen.add(name)) {
        throw new DataException(
            records.file() + " line " + records.line() + ": the header names column '" + name + "' twice");
      }
    }
    return header;
  }

  /** For each header position, the index of its column in {@code schema}. */
  private static int[] matchHeader(
      CsvRecordReader records, List<String> header, List<ColumnSpec> schema, String schemaSource) {
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < schema.size(); i++) {
      indexByName.put(schema.get(i).name(), i);
    }
    Set<String> missing = new LinkedHashSet<>(indexByName.keySet());
    header.forEach(missing::remove);
    List<String> unexpected = header.stream().filter(name -> !indexByName.containsKey(name)).toList();
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      throw new DataException(
          records.file() + " has different columns from " + schemaSource + ": missing " + missing
              + ", unexpected " + unexpected);
    }
    return header.stream().mapToInt(indexByName::get).toArray();
  }

  private static List<String> requireFieldCount(CsvRecordReader records, int expected) {
    List<String> fields = records.fields();
    if (fields.size() != expected) {
      throw new DataException(
          records.file() + " line " + records.line() + " has " + fields.size() + " fields, header has " + expected);
    }
    return fields;
  }

  private static void requireRows(CsvRecordReader records, int rows) {
    if (rows == 0) {
      throw new DataException(records.file() + " has a header but no data rows");
    }
  }

  private static boolean isMissing(String value) {
    return value.isEmpty() || value.equals("?") || value.equals("NA");
  }

  private static double parseNumber(CsvRecordReader records, String column, String value, String schemaSource) {
    double number = parsePlainNumber(value);
    if (Double.isNaN(number)) {
      throw new DataException(
          records.file() + " line " + records.line() + " column '" + column + "': '" + value
              + "' is not a number, but the column is numeric in " + schemaSource);
    }
    return number;
  }

  /**
   * {@code value} as a number when it is a plain decimal such as {@code -1.5e3}, else NaN. Stricter than
   * {@link Double#parseDouble}, which also takes {@code NaN}, {@code Infinity}, hexadecimal and a trailing
   * {@code d} or {@code f}; the character check also spares the exception on most non-numbers.
   */
  static double parsePlainNumber(String value) {
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return Double.NaN;
      }
    }
    if (!digit) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

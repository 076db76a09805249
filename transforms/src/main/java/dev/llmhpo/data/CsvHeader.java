package dev.llmhpo.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The header row of a CSV file, and the checks every pass over its records makes. */
final class CsvHeader {
  private CsvHeader() {}

  /** The column names of the first record: none empty, none twice. */
  static List<String> read(CsvRecords records) {
    if (!records.next()) {
      throw new DataException(records.file() + " is empty: expected a header row and at least one data row");
    }
    List<String> header = List.of(records.fields());
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

  /** For each header position, the index of its column in {@code schema}; the same names, in any order. */
  static int[] match(CsvRecords records, List<String> header, List<ColumnSpec> schema, String schemaSource) {
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

  /** The current record's fields, as many as the header has. */
  static String[] fields(CsvRecords records, int expected) {
    String[] fields = records.fields();
    if (fields.length != expected) {
      throw new DataException(
          records.file() + " line " + records.line() + " has " + fields.length + " fields, header has " + expected);
    }
    return fields;
  }

  static void requireRows(CsvRecords records, int rows) {
    if (rows == 0) {
      throw new DataException(records.file() + " has a header but no data rows");
    }
  }
}

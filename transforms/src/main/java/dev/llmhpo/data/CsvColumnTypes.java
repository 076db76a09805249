package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first pass over a CSV training file: each column's type, and how many of its cells are numbers and which
 * are not. A column is {@link ColumnType#NUMERIC} when every non-missing cell is a number, or when the settings
 * name it; otherwise {@link ColumnType#CATEGORICAL}, with a {@link DataWarning.Kind#TEXT_IN_NUMERIC} warning when
 * numbers are the most of its cells.
 */
final class CsvColumnTypes {
  private final List<ColumnSpec> schema;
  private final int[] numbers;
  private final Unparsed[] texts;

  private CsvColumnTypes(List<ColumnSpec> schema, int[] numbers, Unparsed[] texts) {
    this.schema = schema;
    this.numbers = numbers;
    this.texts = texts;
  }

  static CsvColumnTypes detect(Path file, char delimiter, ReadSettings settings) {
    try (CsvRecords records = CsvRecords.open(file, delimiter, settings.csv().quote())) {
      List<String> header = CsvHeader.read(records);
      requireColumns(records, header, settings.numericColumns());
      int[] numbers = new int[header.size()];
      Unparsed[] texts = new Unparsed[header.size()];
      for (int column = 0; column < texts.length; column++) {
        texts[column] = new Unparsed();
      }
      int rows = 0;
      while (records.next()) {
        String[] fields = CsvHeader.fields(records, header.size());
        for (int column = 0; column < fields.length; column++) {
          String value = fields[column];
          if (CsvCells.isMissing(value)) {
            continue;
          }
          if (Double.isNaN(CsvCells.number(value, settings.csv().decimal()))) {
            texts[column].add(records.line(), value);
          } else {
            numbers[column]++;
          }
        }
        rows++;
      }
      CsvHeader.requireRows(records, rows);
      List<ColumnSpec> schema = new ArrayList<>();
      for (int column = 0; column < header.size(); column++) {
        String name = header.get(column);
        boolean numeric = texts[column].count() == 0 || settings.numericColumns().contains(name);
        schema.add(new ColumnSpec(name, numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL));
      }
      return new CsvColumnTypes(schema, numbers, texts);
    }
  }

  List<ColumnSpec> schema() {
    return schema;
  }

  /** The columns read as categorical though numbers are the most of their cells. */
  List<DataWarning> warnings(String file, List<Column> columns) {
    List<DataWarning> warnings = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) instanceof CategoricalColumn categorical && numbers[i] > texts[i].count()) {
        warnings.add(DataWarning.textInNumeric(
            file, categorical.name(), texts[i], numbers[i], categorical.categories().size()));
      }
    }
    return warnings;
  }

  private static void requireColumns(CsvRecords records, List<String> header, Set<String> numericColumns) {
    for (String name : numericColumns) {
      if (!header.contains(name)) {
        throw new DataException(
            records.file() + " has no column '" + name + "' to read as numbers; its columns: "
                + String.join(", ", header));
      }
    }
  }
}

package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file with a header row into a {@link Table}.
 *
 * <p>{@code ?}, {@code NA} and empty cells are missing. Types are settled by a first pass over the file
 * ({@link CsvColumnTypes}) and the values stored by a second, so that cells go straight into primitive arrays and
 * no column ever holds a string per row. In a column read as numbers on request, a cell that is no number becomes
 * missing and is counted in the table's warnings. Each read says its delimiter on the console.
 */
public final class CsvTableReader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvTableReader.class);

  private CsvTableReader() {}

  /** Reads {@code file}, detecting each column's type. */
  public static Table read(Path file, ReadSettings settings) {
    char delimiter = delimiter(file, settings.csv());
    CsvColumnTypes types = CsvColumnTypes.detect(file, delimiter, settings);
    return read(file, delimiter, settings, types.schema(), file.toString(), types);
  }

  /**
   * Reads {@code file} with the columns and types of {@code reference}, as a test file is read like its training
   * file: the same column names (in any order), and a number wherever the reference column is numeric.
   */
  public static Table readLike(Path file, Table reference, ReadSettings settings) {
    return read(file, delimiter(file, settings.csv()), settings, reference.schema(), reference.source(), null);
  }

  private static char delimiter(Path file, CsvDialect csv) {
    boolean given = csv.delimiter() != null;
    char delimiter = given ? csv.delimiter() : CsvDelimiters.detect(file, csv.quote());
    LOG.info(
        "{}: delimiter {} ({}){}",
        file.getFileName(),
        CsvDelimiters.shown(String.valueOf(delimiter)),
        given ? "given" : "detected from the header",
        csv.decimal() == '.' ? "" : ", decimal mark '" + csv.decimal() + "'");
    return delimiter;
  }

  /** @param detectedOrNull the first pass over this file, whose warnings the table takes; null for a second file */
  private static Table read(
      Path file,
      char delimiter,
      ReadSettings settings,
      List<ColumnSpec> schema,
      String schemaSource,
      CsvColumnTypes detectedOrNull) {
    try (CsvRecords records = CsvRecords.open(file, delimiter, settings.csv().quote())) {
      List<String> header = CsvHeader.read(records);
      int[] schemaIndex = CsvHeader.match(records, header, schema, schemaSource);
      NumericColumn.Builder[] numbers = new NumericColumn.Builder[schema.size()];
      CategoricalColumn.Builder[] categories = new CategoricalColumn.Builder[schema.size()];
      Unparsed[] unparsed = new Unparsed[schema.size()];
      for (int i = 0; i < schema.size(); i++) {
        if (schema.get(i).type() == ColumnType.NUMERIC) {
          numbers[i] = new NumericColumn.Builder();
          unparsed[i] = settings.numericColumns().contains(schema.get(i).name()) ? new Unparsed() : null;
        } else {
          categories[i] = new CategoricalColumn.Builder();
        }
      }
      int rows = 0;
      while (records.next()) {
        String[] fields = CsvHeader.fields(records, header.size());
        for (int position = 0; position < fields.length; position++) {
          int column = schemaIndex[position];
          String value = fields[position];
          if (numbers[column] != null) {
            numbers[column].add(
                CsvCells.isMissing(value)
                    ? Double.NaN
                    : number(records, settings, header.get(position), value, schemaSource, unparsed[column]));
          } else if (CsvCells.isMissing(value)) {
            categories[column].addMissing();
          } else {
            categories[column].add(value);
          }
        }
        rows++;
      }
      CsvHeader.requireRows(records, rows);
      List<Column> columns = new ArrayList<>();
      List<DataWarning> warnings = new ArrayList<>();
      String fileName = file.getFileName().toString();
      for (int i = 0; i < schema.size(); i++) {
        String name = schema.get(i).name();
        columns.add(numbers[i] != null ? numbers[i].build(name) : categories[i].build(name));
        if (unparsed[i] != null && unparsed[i].count() > 0) {
          warnings.add(DataWarning.unparsedAsMissing(fileName, name, unparsed[i]));
        }
      }
      if (detectedOrNull != null) {
        warnings.addAll(detectedOrNull.warnings(fileName, columns));
      }
      return new Table(file.toString(), columns, rows, warnings);
    }
  }

  /** The cell as a number; NaN, counted, in a column read as numbers on request; else a DataException. */
  private static double number(
      CsvRecords records,
      ReadSettings settings,
      String column,
      String value,
      String schemaSource,
      Unparsed unparsedOrNull) {
    double number = CsvCells.number(value, settings.csv().decimal());
    if (!Double.isNaN(number)) {
      return number;
    }
    if (unparsedOrNull != null) {
      unparsedOrNull.add(records.line(), value);
      return Double.NaN;
    }
    throw new DataException(
        records.file() + " line " + records.line() + " column '" + column + "': '" + value
            + "' is not a number, but the column is numeric in " + schemaSource);
  }
}

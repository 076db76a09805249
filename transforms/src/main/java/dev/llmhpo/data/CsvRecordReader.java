package dev.llmhpo.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a UTF-8 CSV file into records of trimmed fields, one record at a time.
 *
 * <p>RFC 4180 quoting: a field may be quoted to hold commas, line breaks and doubled quotes ({@code ""}); spaces
 * around a field, quoted or not, are dropped. Blank lines are skipped, and a leading byte-order mark is ignored.
 * The fields of a record are reused by the next call to {@link #next()}.
 */
final class CsvRecordReader implements Closeable {
  private static final int EOF = -1;

  private final String file;
  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private final StringBuilder field = new StringBuilder();
  private final List<String> fields = new ArrayList<>();
  /** The line the next character is on. */
  private long line = 1;
  private long recordLine;

  private CsvRecordReader(String file, Reader in) {
    this.file = file;
    this.in = in;
  }

  static CsvRecordReader open(Path file) {
    try {
      return new CsvRecordReader(
          file.toString(), new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new DataException("Data file not found: " + file);
    } catch (IOException e) {
      throw new DataException("Cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the next non-blank record; false at the end of the file. */
  boolean next() {
    // Before the first record only: a byte-order mark is not part of the header.
    if (recordLine == 0 && peek() == '\uFEFF') {
      read();
    }
    while (peek() != EOF) {
      recordLine = line;
      fields.clear();
      if (!readRecord()) {
        return true;
      }
    }
    return false;
  }

  /** The fields of the current record. */
  List<String> fields() {
    return fields;
  }

  /** The 1-based line the current record starts on. */
  long line() {
    return recordLine;
  }

  String file() {
    return file;
  }

  /** Reads one record into {@link #fields}; returns whether it was a blank line. */
  private boolean readRecord() {
    boolean quoted = false;
    while (true) {
      skipSpaces();
      if (peek() == '"') {
        read();
        readQuotedField();
        quoted = true;
      } else {
        readUnquotedField();
      }
      fields.add(field.toString());
      field.setLength(0);
      int end = read();
      if (end == ',') {
        continue;
      }
      if (end == '\r' && peek() == '\n') {
        read();
      }
      if (end != EOF) {
        line++;
      }
      return !quoted && fields.size() == 1 && fields.get(0).isEmpty();
    }
  }

  private void readUnquotedField() {
    for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != EOF; c = peek()) {
      field.append((char) read());
    }
    int length = field.length();
    while (length > 0 && isSpace(field.charAt(length - 1))) {
      length--;
    }
    field.setLength(length);
  }

  private void readQuotedField() {
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new DataException(
            file + " line " + recordLine + ": quoted field " + (fields.size() + 1) + " has no closing quote");
      }
      if (c == '"') {
        if (peek() != '"') {
          break;
        }
        read();
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      field.append((char) c);
    }
    skipSpaces();
    int after = peek();
    if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
      throw new DataException(
          file + " line " + line + ": unexpected '" + (char) after + "' after the closing quote of field "
              + (fields.size() + 1));
    }
  }

  private void skipSpaces() {
    while (isSpace(peek())) {
      read();
    }
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t';
  }

  private int peek() {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private int read() {
    int c = peek();
    if (c != EOF) {
      position++;
    }
    return c;
  }

  private boolean fill() {
    try {
      int count = in.read(buffer);
      if (count <= 0) {
        return false;
      }
      position = 0;
      limit = count;
      return true;
    } catch (IOException e) {
      throw new DataException("Cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new DataException("Cannot close data file " + file + ": " + e.getMessage(), e);
    }
  }
}

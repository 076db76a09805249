package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Detects a CSV file's delimiter from its header line: each of {@code ,} {@code ;} tab {@code |} is tried, and
 * the one that splits the header, parsed as CSV, into the most fields wins (the first of them on a tie, and
 * {@code ,} when none splits it), so that {@code "age";"job"} reads as two fields with {@code ;}.
 */
final class CsvDelimiters {
  private static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');

  private CsvDelimiters() {}

  static char detect(Path file, char quote) {
    char best = CANDIDATES.get(0);
    int most = 1;
    for (char candidate : CANDIDATES) {
      if (candidate != quote) {
        int fields = headerFields(file, candidate, quote);
        if (fields > most) {
          best = candidate;
          most = fields;
        }
      }
    }
    return best;
  }

  /** How a delimiter is named in messages: {@code ';'}, or {@code tab}. */
  static String shown(String delimiter) {
    return delimiter.equals("\t") ? "tab" : "'" + delimiter + "'";
  }

  /** Fields of the header parsed with {@code delimiter}; 0 when it does not parse with it. */
  private static int headerFields(Path file, char delimiter, char quote) {
    CsvRecords records = CsvRecords.open(file, delimiter, quote);
    try (records) {
      return records.next() ? records.fields().length : 0;
    } catch (DataException e) {
      return 0;
    }
  }
}

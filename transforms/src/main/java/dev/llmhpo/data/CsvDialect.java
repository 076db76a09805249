package dev.llmhpo.data;

import dev.llmhpo.schema.DataSource;

/**
 * How a CSV file is written: its field delimiter (null: detected from the header line, see {@link CsvDelimiters}),
 * its quote character and the decimal mark of its numbers ({@code .}, or {@code ,} as in {@code 1,5}).
 */
public record CsvDialect(Character delimiter, char quote, char decimal) {

  /** The source's settings, checked as {@link #of(String, String, String)} checks them. */
  public static CsvDialect of(DataSource source) {
    return of(source.getDelimiter(), source.getQuote(), source.getDecimal());
  }

  /**
   * Checks the settings as {@code tune}'s {@code --delimiter}, {@code --quote} and {@code --decimal} give them;
   * IllegalArgumentException naming the option otherwise.
   *
   * @param delimiterOrNull one character, or {@code tab}; null, empty or {@code auto}: detect it
   */
  public static CsvDialect of(String delimiterOrNull, String quote, String decimal) {
    Character delimiter = null;
    if (delimiterOrNull != null && !delimiterOrNull.isEmpty() && !delimiterOrNull.equalsIgnoreCase("auto")) {
      boolean tab = delimiterOrNull.equalsIgnoreCase("tab") || delimiterOrNull.equals("\\t");
      delimiter = oneCharacter("--delimiter", tab ? "\t" : delimiterOrNull, "one character, 'tab' or 'auto'");
    }
    char quoteChar = oneCharacter("--quote", quote, "one character");
    if (!decimal.equals(".") && !decimal.equals(",")) {
      throw new IllegalArgumentException("--decimal=" + decimal + ": expected . or ,");
    }
    if (delimiter != null && delimiter == quoteChar) {
      throw new IllegalArgumentException("--delimiter and --quote are both '" + quoteChar + "'; they must differ");
    }
    return new CsvDialect(delimiter, quoteChar, decimal.charAt(0));
  }

  private static char oneCharacter(String option, String value, String expected) {
    if (value == null || value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
      throw new IllegalArgumentException(option + "=" + value + ": expected " + expected);
    }
    return value.charAt(0);
  }
}

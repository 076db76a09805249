package dev.llmhpo.data;

/** What a CSV cell holds: missing ({@code ?}, {@code NA}, empty), a number, or text. */
final class CsvCells {
  private CsvCells() {}

  static boolean isMissing(String value) {
    return value.isEmpty() || value.equals("?") || value.equals("NA");
  }

  /**
   * {@code value} as a number when it is a plain decimal such as {@code -1.5e3} (with {@code decimal} ','
   * {@code -1,5e3}, and then a '.' makes it no number), else NaN. Stricter than {@link Double#parseDouble},
   * which also takes {@code NaN}, {@code Infinity}, hexadecimal and a trailing {@code d} or {@code f}; the
   * character check also spares the exception on most non-numbers.
   */
  static double number(String value, char decimal) {
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != decimal && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return Double.NaN;
      }
    }
    if (!digit) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(decimal == '.' ? value : value.replace(decimal, '.'));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

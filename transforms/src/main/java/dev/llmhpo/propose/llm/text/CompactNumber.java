package dev.llmhpo.propose.llm.text;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short, locale-free text for the numbers in a prompt: prompt tokens cost money, digits past the fifth rarely help. */
public final class CompactNumber {
  private static final int SIGNIFICANT_DIGITS = 5;

  private CompactNumber() {}

  /** Longs as they are, doubles to five significant digits without trailing zeros, anything else as text. */
  public static String format(Object value) {
    if (value instanceof Double d) {
      return format(d.doubleValue());
    }
    if (value instanceof Float f) {
      return format(f.doubleValue());
    }
    return String.valueOf(value);
  }

  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros();
    int magnitude = rounded.precision() - rounded.scale();
    return magnitude < -3 || magnitude > 7 ? rounded.toString() : rounded.toPlainString();
  }
}

package dev.llmhpo.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How numbers and values read in the report. */
final class Format {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  /** Five significant digits, plain notation between 0.0001 and 10^7. */
  static String number(Double value) {
    if (value == null || value.isNaN()) {
      return "n/a";
    }
    if (value.isInfinite()) {
      return value > 0 ? "inf" : "-inf";
    }
    double abs = Math.abs(value);
    if (abs != 0 && (abs < 1e-4 || abs >= 1e7)) {
      return String.format("%.4e", value);
    }
    return new BigDecimal(value).round(new MathContext(5)).stripTrailingZeros().toPlainString();
  }

  /** A parameter value: integers as integers, floats to five significant digits, text as is. */
  static String value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Number n) {
      return number(n.doubleValue());
    }
    return value.toString();
  }

  static String seconds(double seconds) {
    return String.format("%.1f s", seconds);
  }

  static String time(long epochMillis) {
    return epochMillis <= 0 ? "n/a" : UTC.format(Instant.ofEpochMilli(epochMillis));
  }
}

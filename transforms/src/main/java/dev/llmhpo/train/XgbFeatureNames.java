package dev.llmhpo.train;

import java.util.Arrays;

/**
 * Feature names XGBoost accepts: Python's xgboost rejects names containing {@code [}, {@code ]} or {@code <}, so a
 * model saved with them cannot be used there with named columns. Those characters, and {@code %} itself, are
 * percent-encoded, which keeps distinct names distinct and can be reversed; any other name is left as it is.
 */
public final class XgbFeatureNames {
  private XgbFeatureNames() {}

  /** The name XGBoost sees for the column {@code column}. */
  public static String encode(String column) {
    StringBuilder safe = new StringBuilder(column.length());
    for (int i = 0; i < column.length(); i++) {
      char c = column.charAt(i);
      switch (c) {
        case '%' -> safe.append("%25");
        case '[' -> safe.append("%5B");
        case ']' -> safe.append("%5D");
        case '<' -> safe.append("%3C");
        default -> safe.append(c);
      }
    }
    return safe.toString();
  }

  public static String[] encode(String[] columns) {
    return Arrays.stream(columns).map(XgbFeatureNames::encode).toArray(String[]::new);
  }

  /** The column name {@code safe} stands for; the inverse of {@link #encode(String)}. */
  public static String decode(String safe) {
    StringBuilder column = new StringBuilder(safe.length());
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      if (c == '%') {
        column.append(decoded(safe, i));
        i += 2;
      } else {
        column.append(c);
      }
    }
    return column.toString();
  }

  private static char decoded(String safe, int at) {
    String code = safe.substring(at, Math.min(at + 3, safe.length()));
    return switch (code) {
      case "%25" -> '%';
      case "%5B" -> '[';
      case "%5D" -> ']';
      case "%3C" -> '<';
      default -> throw new IllegalArgumentException("'" + safe + "' is not an encoded feature name: " + code);
    };
  }
}

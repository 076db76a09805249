package dev.llmhpo.space;

import dev.llmhpo.schema.SearchParam;
import java.math.BigDecimal;

/**
 * Turns loosely typed values (LLM output, JSON, strings from a command line) into a parameter's value: Double for
 * float, Long for int and the choice's own spelling for categorical parameters.
 */
final class ValueCoercer {
  private ValueCoercer() {}

  /** The value in the parameter's type and inside the space, or an {@link InvalidConfigException}. */
  static Object coerce(SearchParam param, Object raw, OutOfRange policy) {
    Object value = typed(param, raw);
    return switch (param.getType()) {
      case CATEGORICAL -> {
        if (!param.getChoices().contains(value)) {
          throw invalid(param, quoted(value) + " is not one of " + param.getChoices());
        }
        yield value;
      }
      case INT -> {
        long v = (Long) value;
        long low = param.getLow().longValue();
        long high = param.getHigh().longValue();
        if (v >= low && v <= high) {
          yield v;
        }
        rejectIfAsked(param, v, policy);
        yield Math.min(Math.max(v, low), high);
      }
      case FLOAT -> {
        double v = (Double) value;
        if (v >= param.getLow() && v <= param.getHigh()) {
          yield v;
        }
        rejectIfAsked(param, v, policy);
        yield Math.min(Math.max(v, param.getLow()), param.getHigh());
      }
    };
  }

  /**
   * The value in the parameter's type, not checked against the bounds or choices: ints rounded to the nearest
   * integer, categoricals matched to a choice ignoring case and surrounding blanks (kept as given when none match).
   */
  static Object typed(SearchParam param, Object raw) {
    if (raw == null) {
      throw invalid(param, "has no value");
    }
    return switch (param.getType()) {
      case FLOAT -> finiteNumber(param, raw);
      case INT -> isWholeNumberType(raw) ? ((Number) raw).longValue() : Math.round(finiteNumber(param, raw));
      case CATEGORICAL -> matchingChoice(param, String.valueOf(raw).trim());
    };
  }

  /** Whether the value is already a value of the parameter: the exact Java type and inside the space. */
  static boolean isValid(SearchParam param, Object value) {
    return switch (param.getType()) {
      case CATEGORICAL -> value instanceof String && param.getChoices().contains(value);
      case INT -> value instanceof Long v && v >= param.getLow() && v <= param.getHigh();
      case FLOAT -> value instanceof Double v && v >= param.getLow() && v <= param.getHigh();
    };
  }

  private static boolean isWholeNumberType(Object raw) {
    return raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte;
  }

  private static double finiteNumber(SearchParam param, Object raw) {
    double value;
    if (raw instanceof Number number) {
      value = number.doubleValue();
    } else if (raw instanceof CharSequence text) {
      try {
        // BigDecimal, unlike Double.parseDouble, refuses "NaN", hex and a trailing 'd' or 'f'.
        value = new BigDecimal(text.toString().trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw invalid(param, quoted(raw) + " is not a number");
      }
    } else {
      throw invalid(param, quoted(raw) + " is not a number");
    }
    if (!Double.isFinite(value)) {
      throw invalid(param, raw + " is not a finite number");
    }
    return value;
  }

  private static String matchingChoice(SearchParam param, String text) {
    for (String choice : param.getChoices()) {
      if (choice.equalsIgnoreCase(text)) {
        return choice;
      }
    }
    return text;
  }

  private static void rejectIfAsked(SearchParam param, Number value, OutOfRange policy) {
    if (policy == OutOfRange.REJECT) {
      throw invalid(param, value + " is outside " + bounds(param));
    }
  }

  private static String bounds(SearchParam param) {
    return switch (param.getType()) {
      case INT -> "[" + param.getLow().longValue() + ", " + param.getHigh().longValue() + "]";
      default -> "[" + param.getLow() + ", " + param.getHigh() + "]";
    };
  }

  private static String quoted(Object value) {
    return "'" + value + "'";
  }

  private static InvalidConfigException invalid(SearchParam param, String problem) {
    return new InvalidConfigException(param.getName(), problem);
  }
}

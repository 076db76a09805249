package dev.llmhpo.space;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks one parameter of a search space; messages name the parameter and the field at fault. */
final class ParamValidation {
  private ParamValidation() {}

  /**
   * A checked copy of the parameter, its default stored as XGBoost would read it (Double for numbers, the choice's
   * spelling for categoricals). {@code position} is 1-based, for a parameter without a name.
   */
  static SearchParam validated(SearchParam param, int position) {
    if (param.getName() == null || param.getName().isBlank()) {
      throw new IllegalArgumentException("parameter #" + position + " has no name");
    }
    String where = "parameter '" + param.getName() + "'";
    if (param.getType() == null) {
      throw new IllegalArgumentException(where + " has no type");
    }
    if (param.getType() == ParamType.CATEGORICAL) {
      checkChoices(where, param.getChoices());
    } else {
      checkBounds(where, param);
    }
    List<String> choices = param.getChoices() == null ? List.of() : param.getChoices();
    SearchParam copy = SearchParam.newBuilder(param).setChoices(new ArrayList<>(choices)).build();
    if (param.getDefaultValue() != null) {
      copy.setDefaultValue(checkedDefault(where, copy));
    }
    return copy;
  }

  private static void checkChoices(String where, List<String> choices) {
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException(where + ": categorical parameters need choices");
    }
    // Values match choices ignoring case, so choices differing only in case could not be told apart.
    Set<String> seen = new HashSet<>();
    for (String choice : choices) {
      if (choice == null || choice.isBlank()) {
        throw new IllegalArgumentException(where + ": choices must not be blank");
      }
      if (!seen.add(choice.trim().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(where + ": duplicate choice '" + choice + "'");
      }
    }
  }

  private static void checkBounds(String where, SearchParam param) {
    String type = param.getType().name().toLowerCase(Locale.ROOT);
    Double low = param.getLow();
    Double high = param.getHigh();
    if (low == null || high == null) {
      throw new IllegalArgumentException(where + ": " + type + " parameters need low and high");
    }
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(where + ": low and high must be finite");
    }
    if (low >= high) {
      throw new IllegalArgumentException(where + ": low (" + low + ") must be below high (" + high + ")");
    }
    if (param.getLog() && low <= 0) {
      throw new IllegalArgumentException(where + ": log scale needs low > 0 (got " + low + ")");
    }
    if (param.getType() == ParamType.INT && (low != Math.rint(low) || high != Math.rint(high))) {
      throw new IllegalArgumentException(where + ": int bounds must be whole numbers (got " + low + ", " + high + ")");
    }
  }

  private static Object checkedDefault(String where, SearchParam param) {
    Object value;
    try {
      value = ValueCoercer.coerce(param, param.getDefaultValue(), OutOfRange.REJECT);
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(where + ": default " + e.problem(), e);
    }
    return value instanceof Long integer ? (Object) integer.doubleValue() : value;
  }
}

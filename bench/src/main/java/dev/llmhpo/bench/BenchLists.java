package dev.llmhpo.bench;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated option values, checked, with errors that name the option. */
public final class BenchLists {
  private BenchLists() {}

  public static List<String> names(String option, String value) {
    List<String> names = new ArrayList<>();
    for (String part : value == null ? new String[0] : value.split(",")) {
      if (!part.isBlank()) {
        names.add(part.strip());
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one value");
    }
    return names;
  }

  public static List<Integer> positiveInts(String option, String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : names(option, value)) {
      try {
        int number = Integer.parseInt(part.replace("_", ""));
        checkPositive(option, number);
        numbers.add(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": '" + part + "' is not a whole number");
      }
    }
    return numbers;
  }

  public static List<Double> positiveDoubles(String option, String value) {
    List<Double> numbers = new ArrayList<>();
    for (String part : names(option, value)) {
      try {
        double number = Double.parseDouble(part);
        if (!(number > 0) || Double.isInfinite(number)) {
          throw new IllegalArgumentException(option + " values must be positive, got " + part);
        }
        numbers.add(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": '" + part + "' is not a number");
      }
    }
    return numbers;
  }

  public static void checkPositive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, got " + value);
    }
  }
}

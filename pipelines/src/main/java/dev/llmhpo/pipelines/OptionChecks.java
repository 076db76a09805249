package dev.llmhpo.pipelines;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Checks option names and value types before Beam parses them, so that an unknown option or a bad value is reported
 * with the option's name and what it takes (Beam's own messages name neither for a bad number).
 */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * IllegalArgumentException naming the first unknown option or badly typed value.
   *
   * @param options the command's options; Beam's and the runners' are known too
   */
  static void check(String command, Class<? extends PipelineOptions> options, List<String> args) {
    PipelineOptionsFactory.register(options);
    Map<String, Method> known = OptionNames.known();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("'" + arg + "' is not an option; options look like --name=value");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      Method getter = known.get(name);
      if (getter == null) {
        throw new IllegalArgumentException(
            "unknown option --" + name + suggestion(name, known.keySet()) + "; '" + command + " --help' lists the options");
      }
      checkValue(name, value, getter.getReturnType());
    }
  }

  private static void checkValue(String name, String value, Class<?> type) {
    if (value == null) {
      if (type != boolean.class && type != Boolean.class) {
        throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
      }
      return;
    }
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(value.trim());
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(value.trim());
      } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
        Double.parseDouble(value.trim());
      } else if ((type == boolean.class || type == Boolean.class)
          && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("--" + name + "=" + value + ": expected true or false");
      } else if (type.isEnum() && Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.toString().equals(value))) {
        throw new IllegalArgumentException(
            "--" + name + "=" + value + ": expected one of " + Arrays.toString(type.getEnumConstants()));
      }
    } catch (NumberFormatException e) {
      String expected = type == double.class || type == Double.class || type == float.class || type == Float.class
          ? "a number" : "a whole number";
      throw new IllegalArgumentException("--" + name + "=" + value + ": expected " + expected);
    }
  }

  /** ", did you mean --x?" for the closest known name within two edits, else nothing. */
  private static String suggestion(String name, Collection<String> known) {
    return known.stream()
        .filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= 2)
        .min(Comparator.comparingInt((String k) -> distance(k.toLowerCase(), name.toLowerCase())).thenComparing(k -> k))
        .map(k -> " (did you mean --" + k + "?)")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

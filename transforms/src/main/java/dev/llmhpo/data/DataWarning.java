package dev.llmhpo.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Something about a column that the study would otherwise take silently. In JSON: {@code column}, {@code kind},
 * {@code message}, then the kind's details as fields of their own.
 *
 * @param details numbers and text, in the order written
 */
@JsonPropertyOrder({"column", "kind", "message"})
public record DataWarning(String column, Kind kind, String message, @JsonIgnore Map<String, Object> details) {

  public enum Kind {
    /** Mostly numbers, but some cells are not, so the column was read as categorical. */
    TEXT_IN_NUMERIC,
    /** A column read as numbers on request, whose cells that are no number became missing. */
    UNPARSED_AS_MISSING,
    /** About as many distinct values as rows, as a row identifier has. */
    ID_LIKE,
    /** On its own the column tells the classes apart without error on the training data. */
    SEPARATES_TARGET;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DataWarning {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  @JsonAnyGetter
  Map<String, Object> jsonDetails() {
    return details;
  }

  static DataWarning textInNumeric(String file, String column, Unparsed texts, int numbers, int categories) {
    return new DataWarning(
        column,
        Kind.TEXT_IN_NUMERIC,
        file + ": " + texts.count() + " of " + (texts.count() + numbers) + " values of '" + column + "' "
            + notNumbers(texts) + ", so it is read as categorical with " + categories + " categories; name it in"
            + " --numeric to read it as numbers with those values missing",
        details("count", texts.count(), "firstLine", texts.firstLine(), "firstValue", texts.firstValue(),
            "numbers", numbers, "categories", categories));
  }

  static DataWarning unparsedAsMissing(String file, String column, Unparsed texts) {
    return new DataWarning(
        column,
        Kind.UNPARSED_AS_MISSING,
        file + ": " + (texts.count() == 1 ? "1 value" : texts.count() + " values") + " of numeric column '" + column
            + "' " + notNumbers(texts) + ", read as missing",
        details("count", texts.count(), "firstLine", texts.firstLine(), "firstValue", texts.firstValue()));
  }

  static DataWarning idLike(String column, int distinct, int rows) {
    return new DataWarning(
        column,
        Kind.ID_LIKE,
        "'" + column + "' has " + distinct + " distinct values in " + rows
            + " rows, as a row identifier has; a model learns nothing general from it, so drop it unless it means more",
        details("distinct", distinct, "rows", rows));
  }

  /** @param withMissing whether missing is one of the values */
  static DataWarning separatesByCategory(String column, int groups, boolean withMissing) {
    return new DataWarning(
        column,
        Kind.SEPARATES_TARGET,
        "each of the " + groups + " values of '" + column + "'" + (withMissing ? " (missing counted as one)" : "")
            + " has rows of one class only in the training data; check that it is not derived from the target or"
            + " known only after it",
        details("how", "categories", "values", groups));
  }

  static DataWarning separatesByThreshold(String column, List<Double> thresholds) {
    return new DataWarning(
        column,
        Kind.SEPARATES_TARGET,
        "'" + column + "' split at " + thresholds + " puts the training rows of each class apart without error;"
            + " check that it is not derived from the target or known only after it",
        details("how", "thresholds", "thresholds", thresholds));
  }

  /** "is not a number (line 9: 'n/a')", or "are not numbers (the first on line 9: 'n/a')". */
  private static String notNumbers(Unparsed texts) {
    String first = "line " + texts.firstLine() + ": '" + texts.firstValue() + "')";
    return texts.count() == 1 ? "is not a number (" + first : "are not numbers (the first on " + first;
  }

  /** Keys and values, alternating. */
  private static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return details;
  }
}

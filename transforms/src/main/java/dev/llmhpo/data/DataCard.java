package dev.llmhpo.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TaskType;
import java.util.List;
import java.util.Map;

/**
 * A summary of the training data for proposers and reports: its size, each column's type and spread, and the
 * target's class balance (classification) or spread (regression). Shares are fractions rounded to four decimals.
 *
 * @param rows data rows in the training file
 * @param rowsDropped rows left out because their target is missing
 * @param target the target column
 * @param task the learning task
 * @param columns every column of the file, the target included, in file order
 * @param positiveClass BINARY only: the class the model's probability is for (label 1), as the metrics read it
 * @param classBalance rows per class (the rows not dropped), in label order; absent for REGRESSION
 * @param targetSummary REGRESSION only: the target's spread, over the rows not dropped
 * @param warnings what a user should look at before trusting the study: values that did not read as their
 *     column's type, columns that look like row identifiers, features that alone separate the classes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataCard(
    int rows,
    int rowsDropped,
    String target,
    TaskType task,
    String positiveClass,
    List<ColumnSummary> columns,
    Map<String, Count> classBalance,
    TargetSummary targetSummary,
    List<DataWarning> warnings) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One column.
   *
   * @param type {@code numeric} or {@code categorical}
   * @param cardinality distinct non-missing values
   * @param min numeric columns only, as are {@code mean} and {@code max}
   * @param topValues categorical columns only: the most frequent values, most frequent first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ColumnSummary(
      String name,
      String type,
      double missingShare,
      int cardinality,
      Double min,
      Double mean,
      Double max,
      List<ValueCount> topValues) {}

  /** A value and how many rows hold it, also as a share of all rows. */
  public record ValueCount(String value, int count, double share) {}

  /** How many rows, also as a share. */
  public record Count(int count, double share) {}

  /**
   * A numeric target's spread: mean, standard deviation (population) and the quartiles with the extremes, each to
   * six significant digits. A regression's RMSE reads against {@code std}: predicting the mean scores about
   * {@code std}.
   */
  public record TargetSummary(
      double mean, double std, double min, double p25, double median, double p75, double max) {}

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A data card could not be written as JSON", e);
    }
  }
}

package dev.llmhpo.data;

import dev.llmhpo.schema.TaskType;
import java.util.Arrays;

/** Guesses the task from the target column when a study does not name one. */
public final class TaskDetector {
  /** A numeric target with more distinct values than this is taken for a quantity rather than class labels. */
  static final int MAX_CLASSES = 20;

  private TaskDetector() {}

  /**
   * BINARY for two distinct labels; REGRESSION for a numeric target with fractional values or more than
   * {@value #MAX_CLASSES} distinct values; else MULTICLASS.
   */
  public static TaskType detectTask(Table table, String target) {
    Column column = table.requireColumn(target);
    if (column instanceof NumericColumn numeric) {
      double[] distinct = numeric.distinctValues();
      if (distinct.length == 2) {
        return TaskType.BINARY;
      }
      boolean whole = Arrays.stream(distinct).allMatch(value -> value == Math.rint(value));
      return distinct.length > MAX_CLASSES || !whole ? TaskType.REGRESSION : TaskType.MULTICLASS;
    }
    return ClassLabels.of(column).labels().size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
  }
}

package dev.llmhpo.train;

import dev.llmhpo.data.Encoding;
import dev.llmhpo.schema.TaskType;
import java.util.Map;

/**
 * What XGBoost learns: the task, and for MULTICLASS the number of classes. It picks the objective —
 * {@code binary:logistic}, {@code multi:softprob} (one probability per class) or {@code reg:squarederror} — so
 * that predictions come out in the shape the task's metrics read.
 *
 * @param classes the number of classes; 2 for BINARY, 0 for REGRESSION
 */
public record LearningTask(TaskType type, int classes) {
  public LearningTask {
    if (type == TaskType.MULTICLASS && classes < 2) {
      throw new IllegalArgumentException("a multiclass task needs at least two classes, not " + classes);
    }
  }

  /** The task a fitted encoding was made for. */
  public static LearningTask of(Encoding encoding) {
    return new LearningTask(encoding.task(), encoding.classNames().size());
  }

  /** The XGBoost parameters that set the objective. */
  Map<String, Object> objectiveParams() {
    return switch (type) {
      case BINARY -> Map.of("objective", "binary:logistic");
      case MULTICLASS -> Map.of("objective", "multi:softprob", "num_class", classes);
      case REGRESSION -> Map.of("objective", "reg:squarederror");
    };
  }
}

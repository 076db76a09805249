package dev.llmhpo.propose;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import java.io.Serializable;

/**
 * What a study optimises.
 *
 * @param task binary, multiclass or regression
 * @param target the target column
 * @param metric the validation metric, for example {@code logloss}
 * @param direction whether the metric is minimised or maximised
 */
public record Objective(TaskType task, String target, String metric, Direction direction) implements Serializable {
  public static Objective of(StudySpec spec) {
    return new Objective(spec.getTask(), spec.getDataSource().getTarget(), spec.getMetric(), spec.getDirection());
  }
}

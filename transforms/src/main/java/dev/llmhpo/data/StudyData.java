package dev.llmhpo.data;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import java.io.Serializable;

/**
 * Which data a study trains on and how it is split: what a worker needs to load the same {@link PreparedData} as
 * the launcher.
 *
 * @param task the task, or null to detect it from the target
 */
public record StudyData(DataSource source, TaskType task, double validationFraction, long splitSeed)
    implements Serializable {

  public static StudyData of(StudySpec spec) {
    return new StudyData(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSplitSeed());
  }

  /** Reads and encodes the files, as {@link PreparedData#load} does. */
  public PreparedData load() {
    return PreparedData.load(source, task, validationFraction, splitSeed);
  }
}

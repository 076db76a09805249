package dev.llmhpo.train;

import dev.llmhpo.evaluate.Metric;
import java.io.Serializable;

/**
 * How one trial trains: boosting rounds at most, early-stopping patience on the validation set, the study metric
 * (its XGBoost counterpart is what early stopping watches), XGBoost threads and device.
 */
public record TrainBudget(int maxRounds, int earlyStoppingRounds, Metric metric, int threads, String device, long seed)
    implements Serializable {

  /** The same budget on another device. */
  public TrainBudget onDevice(String otherDevice) {
    return new TrainBudget(maxRounds, earlyStoppingRounds, metric, threads, otherDevice, seed);
  }
}

package dev.llmhpo.train;

import java.io.Serializable;

/**
 * How one trial trains: boosting rounds at most, early-stopping patience on the validation set, the study metric,
 * XGBoost threads and device.
 */
public record TrainBudget(int maxRounds, int earlyStoppingRounds, String metric, int threads, String device, long seed)
    implements Serializable {}

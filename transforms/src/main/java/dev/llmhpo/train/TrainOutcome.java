package dev.llmhpo.train;

import java.util.Map;

/**
 * What one training produced.
 *
 * @param bestIteration 0-based boosting round with the best validation score
 * @param validation every validation metric, computed from predictions up to and including the best iteration
 */
public record TrainOutcome(int bestIteration, Map<String, Double> validation, double seconds) {}

package dev.llmhpo.evaluate;

import java.io.Serializable;

/**
 * A figure of merit computed by the project from labels and predictions, never taken from XGBoost's own output.
 * Serialisable, so that a study's transforms carry the metric resolved once on the launcher.
 */
public interface Metric extends Serializable {
  /** The name used on the command line and in the trial log, for example {@code logloss}. */
  String name();

  boolean higherIsBetter();

  /**
   * XGBoost's own evaluation metric that early stopping watches when this metric is optimised: the same figure
   * where XGBoost has it, else the closest one that ranks boosting rounds alike.
   */
  String xgboostEvalMetric();

  /**
   * @param labels the true labels: 0/1 for binary tasks, class indices 0..k-1 for multiclass, values for regression
   * @param predictions XGBoost's prediction matrix, one row per label: the positive-class probability (binary), the
   *     k class probabilities (multiclass) or the predicted value (regression)
   */
  double compute(float[] labels, float[][] predictions);
}

package dev.llmhpo.evaluate;

/** A figure of merit computed by the project from labels and predictions, never taken from XGBoost's own output. */
public interface Metric {
  /** The name used on the command line and in the trial log, for example {@code logloss}. */
  String name();

  boolean higherIsBetter();

  /**
   * @param labels the true labels (0/1 for binary tasks)
   * @param predictions the predicted probability of the positive class, one per label
   */
  double compute(float[] labels, float[] predictions);
}

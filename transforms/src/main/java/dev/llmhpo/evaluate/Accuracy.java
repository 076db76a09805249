package dev.llmhpo.evaluate;

/**
 * Share of binary rows whose predicted class (probability above 0.5) matches the label. Early stopping watches
 * XGBoost's {@code error}, which ranks boosting rounds exactly as accuracy does.
 */
public final class Accuracy implements Metric {
  @Override
  public String name() {
    return "accuracy";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String xgboostEvalMetric() {
    return "error";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    return 1 - new ErrorRate().compute(labels, predictions);
  }
}

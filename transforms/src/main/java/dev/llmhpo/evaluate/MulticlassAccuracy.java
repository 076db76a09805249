package dev.llmhpo.evaluate;

/**
 * Share of multiclass rows whose most probable class is the label. Early stopping watches XGBoost's
 * {@code merror}, which ranks boosting rounds exactly as accuracy does.
 */
public final class MulticlassAccuracy implements Metric {
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
    return "merror";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    return 1 - new MultiErrorRate().compute(labels, predictions);
  }
}

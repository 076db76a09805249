package dev.llmhpo.evaluate;

/** Mean binary cross-entropy; probabilities are clipped to [1e-15, 1 - 1e-15] as XGBoost and scikit-learn do. */
public final class LogLoss implements Metric {
  private static final double EPS = 1e-15;

  @Override
  public String name() {
    return "logloss";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "logloss";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 1);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(Math.max(predictions[i][0], EPS), 1 - EPS);
      sum -= labels[i] > 0.5f ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }
}

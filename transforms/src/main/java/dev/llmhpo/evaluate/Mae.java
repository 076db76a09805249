package dev.llmhpo.evaluate;

/** Mean absolute error of regression predictions, XGBoost's {@code mae}. */
public final class Mae implements Metric {
  @Override
  public String name() {
    return "mae";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "mae";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 1);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum += Math.abs((double) labels[i] - predictions[i][0]);
    }
    return sum / labels.length;
  }
}

package dev.llmhpo.evaluate;

/** Root mean squared error of regression predictions, XGBoost's {@code rmse}. */
public final class Rmse implements Metric {
  @Override
  public String name() {
    return "rmse";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "rmse";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 1);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double error = (double) labels[i] - predictions[i][0];
      sum += error * error;
    }
    return Math.sqrt(sum / labels.length);
  }
}

package dev.llmhpo.evaluate;

/** Share of misclassified rows at the 0.5 threshold, as XGBoost's {@code error} metric. */
public final class ErrorRate implements Metric {
  @Override
  public String name() {
    return "error";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "error";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 1);
    long wrong = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predictedPositive = predictions[i][0] > 0.5f;
      if (predictedPositive != (labels[i] > 0.5f)) {
        wrong++;
      }
    }
    return (double) wrong / labels.length;
  }
}

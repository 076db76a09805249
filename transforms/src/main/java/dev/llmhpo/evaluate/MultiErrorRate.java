package dev.llmhpo.evaluate;

/** Share of multiclass rows whose most probable class is not the label, XGBoost's {@code merror}. */
public final class MultiErrorRate implements Metric {
  @Override
  public String name() {
    return "merror";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "merror";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 0);
    long wrong = 0;
    for (int i = 0; i < labels.length; i++) {
      if (Predictions.argmax(predictions[i]) != (int) labels[i]) {
        wrong++;
      }
    }
    return (double) wrong / labels.length;
  }
}

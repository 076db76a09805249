package dev.llmhpo.evaluate;

/**
 * Mean multiclass cross-entropy, XGBoost's {@code mlogloss}: minus the log of the probability given to each row's
 * true class, clipped below at 1e-15 as {@link LogLoss} clips.
 */
public final class MultiLogLoss implements Metric {
  private static final double EPS = 1e-15;

  @Override
  public String name() {
    return "mlogloss";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String xgboostEvalMetric() {
    return "mlogloss";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 0);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum -= Math.log(Math.max(predictions[i][(int) labels[i]], EPS));
    }
    return sum / labels.length;
  }
}

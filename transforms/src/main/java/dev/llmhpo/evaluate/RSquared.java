package dev.llmhpo.evaluate;

/**
 * Coefficient of determination of regression predictions: 1 - (squared error sum) / (squared deviation of the
 * labels from their mean). For constant labels it is 1 when every prediction is exact and 0 otherwise, as
 * scikit-learn's {@code r2_score} gives, so that a trial's value is always a number.
 *
 * <p>XGBoost has no R²; on a fixed validation set R² is a decreasing function of the squared error, so early
 * stopping on {@code rmse} picks the same boosting round.
 */
public final class RSquared implements Metric {
  @Override
  public String name() {
    return "r2";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String xgboostEvalMetric() {
    return "rmse";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 1);
    double mean = 0;
    for (float label : labels) {
      mean += label;
    }
    mean /= labels.length;
    double residual = 0;
    double total = 0;
    for (int i = 0; i < labels.length; i++) {
      double error = (double) labels[i] - predictions[i][0];
      double deviation = labels[i] - mean;
      residual += error * error;
      total += deviation * deviation;
    }
    if (total == 0) {
      return residual == 0 ? 1 : 0;
    }
    return 1 - residual / total;
  }
}

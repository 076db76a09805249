package dev.llmhpo.propose.tpe;

/** The mixture weights of a Parzen estimator, as Optuna's TPE sets them by default. */
final class ParzenWeights {
  static final double PRIOR_WEIGHT = 1.0;
  // Optuna's default_weights: the newest 25 observations weigh 1, older ones ramp linearly down towards 1/n.
  private static final int FLAT_WINDOW = 25;

  private ParzenWeights() {}

  /** Weights of n observations (oldest first) followed by the prior's, summing to 1. */
  static double[] of(int n) {
    double[] weights = new double[n + 1];
    int ramp = n < FLAT_WINDOW ? 0 : n - FLAT_WINDOW;
    for (int i = 0; i < n; i++) {
      weights[i] = i < ramp ? linspace(1.0 / n, 1.0, ramp, i) : 1.0;
    }
    weights[n] = PRIOR_WEIGHT;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    for (int i = 0; i <= n; i++) {
      weights[i] /= total;
    }
    return weights;
  }

  /** The i-th of count evenly spaced values from first to last, as numpy.linspace. */
  private static double linspace(double first, double last, int count, int i) {
    return count == 1 ? first : first + i * (last - first) / (count - 1);
  }
}

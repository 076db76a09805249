package dev.llmhpo.propose.tpe;

import java.util.random.RandomGenerator;

/**
 * Optuna's Parzen estimator for a categorical parameter: per observation a kernel with mass 1 on the observed choice
 * plus prior_weight / kernels smoothing on every choice, and a uniform prior kernel; mixed with {@link ParzenWeights}.
 */
final class CategoricalParzenEstimator {
  private final double[] probabilities;

  private CategoricalParzenEstimator(double[] probabilities) {
    this.probabilities = probabilities;
  }

  /** Fits the estimator to observed choice indices, oldest first. */
  static CategoricalParzenEstimator fit(int[] observations, int choices) {
    int n = observations.length;
    double[] weights = ParzenWeights.of(n);
    double smoothing = ParzenWeights.PRIOR_WEIGHT / (n + 1);
    double kernelTotal = 1 + choices * smoothing;
    double[] probabilities = new double[choices];
    for (int c = 0; c < choices; c++) {
      probabilities[c] = weights[n] / choices;
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < choices; c++) {
        probabilities[c] += weights[i] * (smoothing + (observations[i] == c ? 1 : 0)) / kernelTotal;
      }
    }
    return new CategoricalParzenEstimator(probabilities);
  }

  /** A draw from the mixture: a choice index. */
  int sample(RandomGenerator random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int c = 0; c < probabilities.length - 1; c++) {
      cumulative += probabilities[c];
      if (u < cumulative) {
        return c;
      }
    }
    return probabilities.length - 1;
  }

  double logProbability(int choice) {
    return Math.log(probabilities[choice]);
  }
}

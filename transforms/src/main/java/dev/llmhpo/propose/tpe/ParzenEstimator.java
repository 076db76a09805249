package dev.llmhpo.propose.tpe;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Optuna's univariate Parzen estimator for a numeric parameter: a weighted mixture of normal kernels truncated to
 * [low, high], one per observation plus a broad prior kernel, with bandwidths from the distances to neighbours.
 */
final class ParzenEstimator {
  private static final int MAGIC_CLIP_MAX_KERNELS = 100;

  private final double low;
  private final double high;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] cumulativeWeights;
  /** Per kernel, log(weight / mass of the kernel inside [low, high]): truncation renormalises each kernel. */
  private final double[] logWeightsOverMass;
  /** Per kernel, the constant part of its log pdf: the above less log(sigma). */
  private final double[] logScales;

  private ParzenEstimator(double low, double high, double[] mus, double[] sigmas, double[] weights) {
    this.low = low;
    this.high = high;
    this.mus = mus;
    this.sigmas = sigmas;
    int k = mus.length;
    this.cumulativeWeights = new double[k];
    this.logScales = new double[k];
    this.logWeightsOverMass = new double[k];
    double cumulative = 0;
    for (int j = 0; j < k; j++) {
      cumulative += weights[j];
      cumulativeWeights[j] = cumulative;
      double mass = NormalDistribution.probabilityBetween((low - mus[j]) / sigmas[j], (high - mus[j]) / sigmas[j]);
      logWeightsOverMass[j] = Math.log(weights[j]) - Math.log(mass);
      logScales[j] = logWeightsOverMass[j] - Math.log(sigmas[j]);
    }
  }

  /**
   * Fits the estimator to observations (coordinates inside [low, high], oldest first), with Optuna's defaults:
   * prior weight 1, magic clip on, endpoints not considered.
   */
  static ParzenEstimator fit(double[] observations, double low, double high) {
    int n = observations.length;
    double range = high - low;
    double[] mus = Arrays.copyOf(observations, n + 1);
    mus[n] = (low + high) / 2;
    double[] sigmas = neighbourDistances(mus, low, high);
    // Magic clip: no kernel narrower than range / min(100, kernels + 1), so few points cannot make spikes.
    double minSigma = range / Math.min(MAGIC_CLIP_MAX_KERNELS, n + 2);
    for (int i = 0; i < n; i++) {
      sigmas[i] = Math.min(Math.max(sigmas[i], minSigma), range);
    }
    sigmas[n] = range;
    return new ParzenEstimator(low, high, mus, sigmas, ParzenWeights.of(n));
  }

  /** A draw from the mixture. */
  double sample(RandomGenerator random) {
    int j = component(random.nextDouble());
    // Rejection is cheap: every mean lies in [low, high] and sigma <= high - low, so a draw lands inside with
    // probability above 1/3.
    while (true) {
      double x = mus[j] + sigmas[j] * random.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
  }

  /** The log density at x. */
  double logPdf(double x) {
    double[] terms = new double[mus.length];
    for (int j = 0; j < mus.length; j++) {
      terms[j] = logScales[j] + NormalDistribution.logPdf((x - mus[j]) / sigmas[j]);
    }
    return logSumExp(terms);
  }

  /** The log probability of a draw in [from, to]. */
  double logProbabilityBetween(double from, double to) {
    double[] terms = new double[mus.length];
    for (int j = 0; j < mus.length; j++) {
      double p = NormalDistribution.probabilityBetween((from - mus[j]) / sigmas[j], (to - mus[j]) / sigmas[j]);
      terms[j] = logWeightsOverMass[j] + Math.log(p);
    }
    return logSumExp(terms);
  }

  private int component(double u) {
    for (int j = 0; j < cumulativeWeights.length - 1; j++) {
      if (u < cumulativeWeights[j]) {
        return j;
      }
    }
    return cumulativeWeights.length - 1;
  }

  /**
   * Each kernel's larger distance to its neighbours in sorted order, with low and high as outer neighbours; the
   * first and last kernel take the distance to their inner neighbour instead (Optuna's consider_endpoints=False).
   */
  private static double[] neighbourDistances(double[] mus, double low, double high) {
    int k = mus.length;
    Integer[] order =
        IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(i -> mus[i])).toArray(Integer[]::new);
    double[] sorted = new double[k + 2];
    sorted[0] = low;
    sorted[k + 1] = high;
    for (int i = 0; i < k; i++) {
      sorted[i + 1] = mus[order[i]];
    }
    double[] distances = new double[k];
    for (int i = 0; i < k; i++) {
      double distance = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
      if (k >= 2 && i == 0) {
        distance = sorted[2] - sorted[1];
      } else if (k >= 2 && i == k - 1) {
        distance = sorted[k] - sorted[k - 1];
      }
      distances[order[i]] = distance;
    }
    return distances;
  }

  static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }
}

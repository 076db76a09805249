package dev.llmhpo.propose.tpe;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.NumericScale;
import dev.llmhpo.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Optuna's multivariate Parzen estimator: one joint kernel per observation, the product over parameters of a
 * truncated normal (numeric) or a smoothed point mass (categorical), plus a broad prior kernel; mixed with
 * {@link ParzenWeights}. Unlike the univariate estimator it keeps which values were tried together, so a draw
 * takes eta, max_depth and the rest from one good configuration's neighbourhood at once.
 *
 * <p>Every numeric kernel has the same bandwidth, Optuna's Scott-like 0.2 n^(-1/(d+4)) of the range, kept within
 * the magic clip [range / min(100, kernels + 1), range]; the prior's is the whole range. An int's kernel is scored
 * by the probability of its rounding cell, as in the univariate sampler.
 */
final class JointParzenEstimator {
  private static final double BANDWIDTH_FACTOR = 0.2;
  private static final int MAGIC_CLIP_MAX_KERNELS = 100;

  private final List<SearchParam> params;
  private final NumericScale[] scales;
  private final double[] cumulativeWeights;
  private final double[] logWeights;
  /** [parameter][kernel]; numeric parameters only. */
  private final double[][] mus;
  private final double[][] sigmas;
  private final double[][] logMasses;
  /** [parameter][kernel][choice]: log probabilities; categorical parameters only. */
  private final double[][][] choiceLogProbabilities;

  private JointParzenEstimator(SearchSpace space, List<Map<String, Object>> observations) {
    this.params = space.params();
    int d = params.size();
    int n = observations.size();
    int kernels = n + 1;
    double[] weights = ParzenWeights.of(n);
    this.logWeights = new double[kernels];
    this.cumulativeWeights = new double[kernels];
    double cumulative = 0;
    for (int j = 0; j < kernels; j++) {
      logWeights[j] = Math.log(weights[j]);
      cumulative += weights[j];
      cumulativeWeights[j] = cumulative;
    }
    this.scales = new NumericScale[d];
    this.mus = new double[d][];
    this.sigmas = new double[d][];
    this.logMasses = new double[d][];
    this.choiceLogProbabilities = new double[d][][];
    for (int p = 0; p < d; p++) {
      SearchParam param = params.get(p);
      if (param.getType() == ParamType.CATEGORICAL) {
        choiceLogProbabilities[p] = categoricalKernels(param, observations);
      } else {
        scales[p] = space.scale(param.getName());
        numericKernels(p, param.getName(), observations, d);
      }
    }
  }

  /** The estimator of {@code observations} (configurations of {@code space}, oldest first). */
  static JointParzenEstimator fit(SearchSpace space, List<Map<String, Object>> observations) {
    return new JointParzenEstimator(space, observations);
  }

  private void numericKernels(int p, String name, List<Map<String, Object>> observations, int dimensions) {
    NumericScale scale = scales[p];
    int n = observations.size();
    double low = scale.low();
    double high = scale.high();
    double range = high - low;
    double minSigma = range / Math.min(MAGIC_CLIP_MAX_KERNELS, n + 2);
    double sigma = BANDWIDTH_FACTOR * Math.pow(Math.max(n, 1), -1.0 / (dimensions + 4)) * range;
    sigma = Math.min(Math.max(sigma, minSigma), range);
    mus[p] = new double[n + 1];
    sigmas[p] = new double[n + 1];
    logMasses[p] = new double[n + 1];
    for (int j = 0; j <= n; j++) {
      boolean prior = j == n;
      mus[p][j] =
          prior ? (low + high) / 2 : scale.toCoordinate(((Number) observations.get(j).get(name)).doubleValue());
      sigmas[p][j] = prior ? range : sigma;
      logMasses[p][j] =
          Math.log(
              NormalDistribution.probabilityBetween((low - mus[p][j]) / sigmas[p][j], (high - mus[p][j]) / sigmas[p][j]));
    }
  }

  private static double[][] categoricalKernels(SearchParam param, List<Map<String, Object>> observations) {
    List<String> choices = param.getChoices();
    int n = observations.size();
    double smoothing = ParzenWeights.PRIOR_WEIGHT / (n + 1);
    double total = 1 + choices.size() * smoothing;
    double[][] kernels = new double[n + 1][choices.size()];
    for (int j = 0; j <= n; j++) {
      int observed = j == n ? -1 : choices.indexOf(observations.get(j).get(param.getName()));
      for (int c = 0; c < choices.size(); c++) {
        double probability =
            j == n ? 1.0 / choices.size() : (smoothing + (c == observed ? 1 : 0)) / total;
        kernels[j][c] = Math.log(probability);
      }
    }
    return kernels;
  }

  /** A draw: a kernel chosen by weight, then every parameter from that kernel. */
  Map<String, Object> sample(RandomGenerator random) {
    int j = component(random.nextDouble());
    Map<String, Object> config = new LinkedHashMap<>();
    for (int p = 0; p < params.size(); p++) {
      SearchParam param = params.get(p);
      config.put(
          param.getName(),
          scales[p] == null ? param.getChoices().get(sampleChoice(choiceLogProbabilities[p][j], random))
              : scales[p].fromCoordinate(sampleCoordinate(p, j, random)));
    }
    return config;
  }

  /** The log density of a configuration drawn by {@link #sample} (probabilities for ints and categories). */
  double logDensity(Map<String, Object> config) {
    double[] terms = logWeights.clone();
    for (int p = 0; p < params.size(); p++) {
      String name = params.get(p).getName();
      if (scales[p] == null) {
        int choice = params.get(p).getChoices().indexOf(config.get(name));
        for (int j = 0; j < terms.length; j++) {
          terms[j] += choiceLogProbabilities[p][j][choice];
        }
      } else {
        addNumeric(p, ((Number) config.get(name)), terms);
      }
    }
    return ParzenEstimator.logSumExp(terms);
  }

  private void addNumeric(int p, Number value, double[] terms) {
    NumericScale scale = scales[p];
    for (int j = 0; j < terms.length; j++) {
      double mu = mus[p][j];
      double sigma = sigmas[p][j];
      double logKernel;
      if (scale.isInteger()) {
        double[] cell = scale.cell(value.longValue());
        logKernel = Math.log(NormalDistribution.probabilityBetween((cell[0] - mu) / sigma, (cell[1] - mu) / sigma));
      } else {
        logKernel = NormalDistribution.logPdf((scale.toCoordinate(value.doubleValue()) - mu) / sigma) - Math.log(sigma);
      }
      terms[j] += logKernel - logMasses[p][j];
    }
  }

  /** Rejection from the kernel's normal: its mean lies in the range and its sigma is at most the range. */
  private double sampleCoordinate(int p, int j, RandomGenerator random) {
    double low = scales[p].low();
    double high = scales[p].high();
    while (true) {
      double x = mus[p][j] + sigmas[p][j] * random.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
  }

  private static int sampleChoice(double[] logProbabilities, RandomGenerator random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int c = 0; c < logProbabilities.length - 1; c++) {
      cumulative += Math.exp(logProbabilities[c]);
      if (u < cumulative) {
        return c;
      }
    }
    return logProbabilities.length - 1;
  }

  private int component(double u) {
    for (int j = 0; j < cumulativeWeights.length - 1; j++) {
      if (u < cumulativeWeights[j]) {
        return j;
      }
    }
    return cumulativeWeights.length - 1;
  }
}

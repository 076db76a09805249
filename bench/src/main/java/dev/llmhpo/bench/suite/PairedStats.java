package dev.llmhpo.bench.suite;

import dev.llmhpo.bench.Stats;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired comparisons of two arms over the seeds of one table: wins, ties and losses, the median paired difference
 * with a percentile bootstrap interval, and a two-sided Wilcoxon signed-rank p-value (commons-math3).
 */
final class PairedStats {
  static final int BOOTSTRAP_RESAMPLES = 10_000;
  private static final long BOOTSTRAP_SEED = 1;
  /** Largest sample commons-math3 computes the exact Wilcoxon distribution for. */
  private static final int EXACT_LIMIT = 30;

  private PairedStats() {}

  /**
   * @param wins seeds where A was better than B
   * @param medianDifference median of A − B, in the metric's units
   * @param low lower end of the 95 % bootstrap interval of that median
   * @param pValue two-sided; 1 when every difference is zero
   */
  record Comparison(int n, int wins, int ties, int losses, double medianDifference, double low, double high,
      double pValue) {}

  /** A against B, seed by seed ({@code a[i]} and {@code b[i]} share a seed); NaN pairs are left out. */
  static Comparison compare(double[] a, double[] b, boolean maximize) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " values against " + b.length);
    }
    double[] d = new double[a.length];
    int n = 0;
    int wins = 0;
    int ties = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
        continue;
      }
      double diff = a[i] - b[i];
      d[n++] = diff;
      if (diff == 0) {
        ties++;
      } else if (diff > 0 == maximize) {
        wins++;
      }
    }
    d = Arrays.copyOf(d, n);
    double[] interval = bootstrapMedianInterval(d);
    return new Comparison(n, wins, ties, n - wins - ties, Stats.median(d), interval[0], interval[1], wilcoxon(d));
  }

  /** Percentile interval (2.5 %, 97.5 %) of the median of {@code d}, resampled with a fixed seed. */
  static double[] bootstrapMedianInterval(double[] d) {
    if (d.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
    double[] medians = new double[BOOTSTRAP_RESAMPLES];
    double[] sample = new double[d.length];
    for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
      for (int i = 0; i < d.length; i++) {
        sample[i] = d[random.nextInt(d.length)];
      }
      medians[r] = Stats.median(sample);
    }
    return new double[] {Stats.quantile(medians, 0.025), Stats.quantile(medians, 0.975)};
  }

  /**
   * Two-sided Wilcoxon signed-rank p-value of the differences {@code d}, zero differences left out (Wilcoxon's
   * own rule, scipy's default); exact when at most 30 remain and no two share an absolute value, else commons-math3's
   * normal approximation.
   */
  static double wilcoxon(double[] d) {
    double[] nonZero = Arrays.stream(d).filter(x -> x != 0).toArray();
    if (nonZero.length == 0) {
      return 1.0;
    }
    boolean tiedRanks = Arrays.stream(nonZero).map(Math::abs).distinct().count() < nonZero.length;
    boolean exact = nonZero.length <= EXACT_LIMIT && !tiedRanks;
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, new double[nonZero.length], exact);
  }
}

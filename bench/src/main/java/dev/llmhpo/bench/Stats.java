package dev.llmhpo.bench;

import java.util.Arrays;

/** Medians and quartiles, interpolated linearly between order statistics (numpy's default). */
public final class Stats {
  private Stats() {}

  public static double median(double... values) {
    return quantile(values, 0.5);
  }

  /** The {@code q}-quantile of the finite values; NaN when there are none. */
  public static double quantile(double[] values, double q) {
    double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}

package dev.llmhpo.propose.tpe;

/** The standard normal distribution; its erfc keeps a relative error below 1e-13 far into the tails. */
final class NormalDistribution {
  private static final double SQRT_2 = Math.sqrt(2);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  // Below this the series for erf converges fast; above it the continued fraction for erfc does.
  private static final double SERIES_LIMIT = 2.5;
  private static final int FRACTION_TERMS = 80;

  private NormalDistribution() {}

  static double logPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  static double cdf(double z) {
    return 0.5 * erfc(-z / SQRT_2);
  }

  /** P(a < Z < b), computed from whichever tails keep it free of cancellation. */
  static double probabilityBetween(double a, double b) {
    if (a >= 0) {
      return 0.5 * (erfc(a / SQRT_2) - erfc(b / SQRT_2));
    }
    if (b <= 0) {
      return 0.5 * (erfc(-b / SQRT_2) - erfc(-a / SQRT_2));
    }
    return 1 - 0.5 * erfc(-a / SQRT_2) - 0.5 * erfc(b / SQRT_2);
  }

  static double erfc(double x) {
    if (x < 0) {
      return 2 - erfc(-x);
    }
    return x < SERIES_LIMIT ? 1 - erfSeries(x) : erfcContinuedFraction(x);
  }

  /** erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)); all terms positive, so no cancellation. */
  private static double erfSeries(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; term > 1e-17 * sum; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }

  /** erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated bottom up. */
  private static double erfcContinuedFraction(double x) {
    double tail = x;
    for (int k = FRACTION_TERMS; k >= 1; k--) {
      tail = x + (k / 2.0) / tail;
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
  }
}

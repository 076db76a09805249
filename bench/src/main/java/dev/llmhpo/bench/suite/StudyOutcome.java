package dev.llmhpo.bench.suite;

import java.util.Map;

/**
 * What one study of a suite found.
 *
 * @param values the validation value of trial i, by trial id (NaN where it failed); at most the arm's budget
 * @param seconds study seconds until trials 0..i had all finished
 * @param test the final model's metrics on the test file (empty without one)
 * @param utilisation seconds spent training trials / (wall seconds × worker slots)
 * @param attempts runs it took (more than one when a kill interrupted it)
 */
public record StudyOutcome(
    String table,
    String arm,
    long seed,
    String metric,
    boolean maximize,
    double[] values,
    double[] seconds,
    Map<String, Double> test,
    double wallSeconds,
    double utilisation,
    int attempts) {

  /** The best validation value among the first {@code n} trials; NaN when none of them completed. */
  public double bestAfter(int n) {
    double best = Double.NaN;
    for (int i = 0; i < Math.min(n, values.length); i++) {
      if (!Double.isNaN(values[i]) && (Double.isNaN(best) || better(values[i], best))) {
        best = values[i];
      }
    }
    return best;
  }

  /** The best validation value of the trials finished {@code s} seconds into the study; NaN before the first. */
  public double bestBySeconds(double s) {
    int n = 0;
    while (n < seconds.length && seconds[n] <= s) {
      n++;
    }
    return bestAfter(n);
  }

  public double bestOverall() {
    return bestAfter(values.length);
  }

  /** The final model's test value of the study's metric; NaN without a test file. */
  public double testValue() {
    return test.getOrDefault(metric, Double.NaN);
  }

  boolean better(double a, double b) {
    return maximize ? a > b : a < b;
  }
}

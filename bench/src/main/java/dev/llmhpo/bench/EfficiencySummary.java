package dev.llmhpo.bench;

import dev.llmhpo.bench.EfficiencyScenario.Result;
import dev.llmhpo.bench.EfficiencyScenario.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The efficiency runs of each proposer, reduced over seeds to medians and quartiles. */
record EfficiencySummary(
    String metric,
    int trials,
    double bestOverall,
    List<Integer> checkpoints,
    Map<String, ProposerSummary> proposers) {

  /** How close to the best value of any run counts as having found it. */
  static final double WITHIN = 0.005;

  /**
   * @param bestSoFar best-so-far validation value after trial i: first quartile, median, third quartile
   * @param trialsToWithin median over seeds of trials needed to come {@link #WITHIN} of {@code bestOverall};
   *     infinite when most runs never did
   * @param reached runs that got there at all
   * @param medianTest median test metrics of the best configuration after n trials, by n
   * @param secondsTo median seconds until the first n trials had finished, by n
   */
  record ProposerSummary(
      int runs,
      double[][] bestSoFar,
      double trialsToWithin,
      int reached,
      Map<Integer, Map<String, Double>> medianTest,
      Map<Integer, Double> secondsTo,
      double medianWallSeconds) {

    double q1At(int n) {
      return bestSoFar[n - 1][0];
    }

    double medianAt(int n) {
      return bestSoFar[n - 1][1];
    }

    double q3At(int n) {
      return bestSoFar[n - 1][2];
    }
  }

  static EfficiencySummary of(Result result) {
    boolean higher = result.higherIsBetter();
    double best = higher ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (Run run : result.runs()) {
      for (double v : run.values()) {
        if (Double.isFinite(v)) {
          best = higher ? Math.max(best, v) : Math.min(best, v);
        }
      }
    }
    int trials = result.runs().stream().mapToInt(r -> r.values().length).min().orElse(0);
    TreeSet<Integer> checkpoints = new TreeSet<>();
    for (int n : new int[] {10, EfficiencyScenario.EARLY_CHECKPOINT, 50, trials}) {
      if (n >= 1 && n <= trials) {
        checkpoints.add(n);
      }
    }
    Map<String, List<Run>> byProposer = new LinkedHashMap<>();
    result.runs().forEach(run -> byProposer.computeIfAbsent(run.proposer(), p -> new ArrayList<>()).add(run));
    Map<String, ProposerSummary> proposers = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> entry : byProposer.entrySet()) {
      proposers.put(entry.getKey(), summarise(entry.getValue(), trials, best, higher, checkpoints));
    }
    return new EfficiencySummary(result.metric(), trials, best, List.copyOf(checkpoints), proposers);
  }

  private static ProposerSummary summarise(
      List<Run> runs, int trials, double best, boolean higher, TreeSet<Integer> checkpoints) {
    double[][] curves = new double[runs.size()][];
    double[] toWithin = new double[runs.size()];
    int reached = 0;
    double threshold = WITHIN * Math.abs(best);
    for (int r = 0; r < runs.size(); r++) {
      curves[r] = bestSoFar(runs.get(r).values(), higher);
      toWithin[r] = Double.NaN;
      for (int i = 0; i < trials; i++) {
        double v = curves[r][i];
        if (Double.isFinite(v) && (higher ? v >= best - threshold : v <= best + threshold)) {
          toWithin[r] = i + 1;
          reached++;
          break;
        }
      }
    }
    double[][] bands = new double[trials][];
    for (int i = 0; i < trials; i++) {
      double[] at = new double[runs.size()];
      for (int r = 0; r < runs.size(); r++) {
        at[r] = curves[r][i];
      }
      bands[i] = new double[] {Stats.quantile(at, 0.25), Stats.median(at), Stats.quantile(at, 0.75)};
    }
    Map<Integer, Map<String, Double>> medianTest = new LinkedHashMap<>();
    Map<Integer, Double> secondsTo = new LinkedHashMap<>();
    for (int n : checkpoints) {
      final int at = n;
      secondsTo.put(n, Stats.median(runs.stream().mapToDouble(run -> run.secondsDone()[at - 1]).toArray()));
      if (runs.stream().allMatch(run -> run.test().get(at) != null)) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String metric : runs.get(0).test().get(n).keySet()) {
          medians.put(metric, Stats.median(runs.stream().mapToDouble(run -> run.test().get(at).get(metric)).toArray()));
        }
        medianTest.put(n, medians);
      }
    }
    double wall = Stats.median(runs.stream().mapToDouble(Run::wallSeconds).toArray());
    return new ProposerSummary(runs.size(), bands, medianCountingMisses(toWithin), reached, medianTest, secondsTo, wall);
  }

  /** The median where a run that never got there (NaN) counts as infinitely many trials. */
  static double medianCountingMisses(double[] trialsNeeded) {
    double[] sorted = trialsNeeded.clone();
    for (int i = 0; i < sorted.length; i++) {
      if (Double.isNaN(sorted[i])) {
        sorted[i] = Double.POSITIVE_INFINITY;
      }
    }
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The best value among trials 0..i, for each i; NaN until a trial has completed. */
  static double[] bestSoFar(double[] values, boolean higherIsBetter) {
    double[] out = new double[values.length];
    double best = Double.NaN;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isFinite(v) && (Double.isNaN(best) || (higherIsBetter ? v > best : v < best))) {
        best = v;
      }
      out[i] = best;
    }
    return out;
  }
}

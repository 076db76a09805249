package dev.llmhpo.bench.suite;

import dev.llmhpo.bench.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Every number of a suite, computed from its studies' outcomes: per table and arm, per pair of arms on a table,
 * and across tables. Pairs compare seed with seed (the same split, the same validation rows).
 */
record SuiteSummary(
    int trials,
    List<Double> budgetSeconds,
    List<String> arms,
    List<String> skippedArms,
    List<TableSummary> tables,
    List<PairSummary> pairs,
    Map<String, Double> meanRank,
    int rankedTables,
    double criticalDifference,
    String rankNote,
    Map<String, Double> meanNormalisedImprovement) {

  /** Median with its interquartile range. */
  record Spread(double median, double q1, double q3) {
    static Spread of(double[] values) {
      return new Spread(Stats.median(values), Stats.quantile(values, 0.25), Stats.quantile(values, 0.75));
    }
  }

  record TableSummary(String table, String metric, boolean maximize, List<ArmSummary> arms) {}

  /**
   * @param bestAfterTrials best validation value after n trials, by n
   * @param bestAfterSeconds best validation value s seconds into the study, by s
   * @param curve median best validation value after 1..trials trials (the anytime curve)
   * @param secondsCurve median best validation value at each of {@code secondsGrid}
   * @param normalisedImprovement median over seeds of (default − arm) / (default − best any arm found), sign
   *     turned for metrics that grow
   */
  record ArmSummary(
      String arm,
      int seeds,
      Map<Integer, Spread> bestAfterTrials,
      Map<Double, Spread> bestAfterSeconds,
      Spread test,
      Spread wallSeconds,
      Spread utilisation,
      double normalisedImprovement,
      double[] curve,
      double[] secondsGrid,
      double[] secondsCurve) {}

  /** A against B on one table; {@code measure} is {@code validation} (best found) or {@code test} (final model). */
  record PairSummary(
      String table, String measure, String armA, String armB, int n, int wins, int ties, int losses,
      double medianDifference, double low, double high, double pValue) {}

  static SuiteSummary of(
      List<StudyOutcome> outcomes, List<String> tableOrder, List<String> arms, List<String> skippedArms, int trials,
      List<Double> budgetSeconds) {
    List<TableSummary> tables = new ArrayList<>();
    List<PairSummary> pairs = new ArrayList<>();
    List<double[]> rankRows = new ArrayList<>();
    List<Boolean> rankDirections = new ArrayList<>();
    Map<String, List<Double>> improvements = new LinkedHashMap<>();
    for (String table : tableOrder) {
      List<StudyOutcome> here = outcomes.stream().filter(o -> o.table().equals(table)).toList();
      if (here.isEmpty()) {
        continue;
      }
      boolean maximize = here.get(0).maximize();
      List<Long> seeds = here.stream().map(StudyOutcome::seed).distinct().sorted().toList();
      Map<Long, Double> defaults = new LinkedHashMap<>();
      Map<Long, Double> bestSeen = new LinkedHashMap<>();
      for (long seed : seeds) {
        List<StudyOutcome> ofSeed = here.stream().filter(o -> o.seed() == seed).toList();
        defaults.put(seed, ofSeed.stream().filter(o -> o.values().length > 0).map(o -> o.values()[0])
            .filter(v -> !v.isNaN()).findFirst().orElse(Double.NaN));
        bestSeen.put(seed, best(ofSeed.stream().mapToDouble(StudyOutcome::bestOverall).toArray(), maximize));
      }
      List<ArmSummary> armSummaries = new ArrayList<>();
      double[] rankRow = new double[arms.size()];
      boolean complete = true;
      for (int a = 0; a < arms.size(); a++) {
        String arm = arms.get(a);
        List<StudyOutcome> runs = here.stream().filter(o -> o.arm().equals(arm)).toList();
        if (runs.isEmpty()) {
          complete = false;
          continue;
        }
        double[] improvement = runs.stream().mapToDouble(o -> {
          double d = defaults.get(o.seed());
          double span = bestSeen.get(o.seed()) - d;
          return span == 0 ? 0 : (o.bestOverall() - d) / span;
        }).toArray();
        ArmSummary summary = arm(arm, runs, trials, budgetSeconds, Stats.median(improvement));
        armSummaries.add(summary);
        improvements.computeIfAbsent(arm, k -> new ArrayList<>()).add(summary.normalisedImprovement());
        rankRow[a] = summary.bestAfterTrials().get(trials).median();
        complete &= !Double.isNaN(rankRow[a]);
      }
      if (complete) {
        rankRows.add(rankRow);
        rankDirections.add(maximize);
      }
      tables.add(new TableSummary(table, here.get(0).metric(), maximize, armSummaries));
      for (int i = 0; i < arms.size(); i++) {
        for (int j = i + 1; j < arms.size(); j++) {
          pairs.add(pair(table, "validation", arms.get(i), arms.get(j), here, seeds, maximize,
              StudyOutcome::bestOverall));
          pairs.add(pair(table, "test", arms.get(i), arms.get(j), here, seeds, maximize, StudyOutcome::testValue));
        }
      }
    }
    pairs.removeIf(p -> p.n() == 0);
    Map<String, Double> meanRank = ArmRanks.meanRanks(arms, rankRows, rankDirections);
    double cd = ArmRanks.criticalDifference(arms.size(), rankRows.size());
    Map<String, Double> meanImprovement = new LinkedHashMap<>();
    improvements.forEach((arm, values) ->
        meanImprovement.put(arm, values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    return new SuiteSummary(trials, budgetSeconds, arms, skippedArms, tables, pairs, meanRank, rankRows.size(), cd,
        rankNote(arms.size(), rankRows.size(), cd), meanImprovement);
  }

  private static ArmSummary arm(
      String arm, List<StudyOutcome> runs, int trials, List<Double> budgetSeconds, double improvement) {
    Map<Integer, Spread> byTrials = new LinkedHashMap<>();
    for (int n : checkpoints(trials)) {
      byTrials.put(n, Spread.of(runs.stream().mapToDouble(o -> o.bestAfter(n)).toArray()));
    }
    Map<Double, Spread> bySeconds = new LinkedHashMap<>();
    for (double s : budgetSeconds) {
      bySeconds.put(s, Spread.of(runs.stream().mapToDouble(o -> o.bestBySeconds(s)).toArray()));
    }
    int length = runs.stream().mapToInt(o -> o.values().length).max().orElse(0);
    double[] curve = new double[length];
    for (int n = 1; n <= length; n++) {
      int trialsSoFar = n;
      curve[n - 1] = Stats.median(runs.stream().mapToDouble(o -> o.bestAfter(trialsSoFar)).toArray());
    }
    double longest = runs.stream().mapToDouble(StudyOutcome::wallSeconds).max().orElse(0);
    double[] grid = new double[length == 0 ? 0 : 50];
    double[] secondsCurve = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = longest * (i + 1) / grid.length;
      double s = grid[i];
      secondsCurve[i] = Stats.median(runs.stream().mapToDouble(o -> o.bestBySeconds(s)).toArray());
    }
    return new ArmSummary(arm, runs.size(), byTrials, bySeconds,
        spread(runs, StudyOutcome::testValue), spread(runs, StudyOutcome::wallSeconds),
        spread(runs, StudyOutcome::utilisation), improvement, curve, grid, secondsCurve);
  }

  /** Trial counts the tables report: 1 (XGBoost's defaults), 10, 20 and the budget, as far as it goes. */
  static List<Integer> checkpoints(int trials) {
    List<Integer> points = new ArrayList<>();
    for (int n : new int[] {1, 10, 20}) {
      if (n < trials) {
        points.add(n);
      }
    }
    points.add(trials);
    return points;
  }

  private static PairSummary pair(String table, String measure, String a, String b, List<StudyOutcome> here,
      List<Long> seeds, boolean maximize, ToDoubleFunction<StudyOutcome> value) {
    double[] x = new double[seeds.size()];
    double[] y = new double[seeds.size()];
    for (int i = 0; i < seeds.size(); i++) {
      x[i] = valueOf(here, a, seeds.get(i), value);
      y[i] = valueOf(here, b, seeds.get(i), value);
    }
    PairedStats.Comparison c = PairedStats.compare(x, y, maximize);
    return new PairSummary(table, measure, a, b, c.n(), c.wins(), c.ties(), c.losses(), c.medianDifference(),
        c.low(), c.high(), c.pValue());
  }

  private static double valueOf(List<StudyOutcome> here, String arm, long seed, ToDoubleFunction<StudyOutcome> value) {
    return here.stream().filter(o -> o.arm().equals(arm) && o.seed() == seed).findFirst()
        .map(value::applyAsDouble).orElse(Double.NaN);
  }

  private static Spread spread(List<StudyOutcome> runs, ToDoubleFunction<StudyOutcome> value) {
    return Spread.of(runs.stream().mapToDouble(value).toArray());
  }

  private static double best(double[] values, boolean maximize) {
    double best = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || (maximize ? v > best : v < best))) {
        best = v;
      }
    }
    return best;
  }

  static String rankNote(int arms, int tables, double cd) {
    if (tables == 0) {
      return "no table has every arm's results, so no arm is ranked";
    }
    if (Double.isNaN(cd)) {
      return "Nemenyi's critical difference is tabled for 2 to 10 arms only";
    }
    String base = String.format(java.util.Locale.ROOT,
        "Nemenyi critical difference at α = 0.05 for %d arms on %d tables: %.2f ranks (Demšar 2006)", arms, tables, cd);
    if (cd >= arms - 1) {
      return base + "; that is more than the widest possible gap (" + (arms - 1) + "), so " + tables
          + " tables are too few to tell any two arms apart by rank";
    }
    return base + "; arms whose mean ranks differ by less are not told apart";
  }

  /** The summary of {@code table}; null when it has no results. */
  TableSummary table(String table) {
    return tables.stream().filter(t -> Objects.equals(t.table(), table)).findFirst().orElse(null);
  }
}

package dev.llmhpo.bench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Arms ranked on each table (1 = best, ties share the mean of their ranks), their mean rank across tables, and
 * Nemenyi's critical difference at α = 0.05 (Demšar 2006): mean ranks closer than it are not told apart.
 */
final class ArmRanks {
  /** Studentized range statistic / √2 at α = 0.05, for 2..10 arms (Demšar 2006, table 5a). */
  private static final double[] Q_05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};

  private ArmRanks() {}

  /** Ranks of {@code values} (one per arm), 1 for the best; tied values share their mean rank. */
  static double[] ranks(double[] values, boolean maximize) {
    double[] oriented = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      oriented[i] = maximize ? -values[i] : values[i];
    }
    return new NaturalRanking(TiesStrategy.AVERAGE).rank(oriented);
  }

  /**
   * Mean rank of each arm over the tables.
   *
   * @param perTable per table, each arm's value (same arm order in every row)
   */
  static Map<String, Double> meanRanks(List<String> arms, List<double[]> perTable, List<Boolean> maximize) {
    double[] sums = new double[arms.size()];
    for (int t = 0; t < perTable.size(); t++) {
      double[] ranks = ranks(perTable.get(t), maximize.get(t));
      for (int a = 0; a < arms.size(); a++) {
        sums[a] += ranks[a];
      }
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    for (int a = 0; a < arms.size(); a++) {
      mean.put(arms.get(a), perTable.isEmpty() ? Double.NaN : sums[a] / perTable.size());
    }
    return mean;
  }

  /** Nemenyi's critical difference for {@code arms} arms on {@code tables} tables; NaN outside 2..10 arms. */
  static double criticalDifference(int arms, int tables) {
    if (arms < 2 || arms > Q_05.length + 1 || tables < 1) {
      return Double.NaN;
    }
    return Q_05[arms - 2] * Math.sqrt(arms * (arms + 1) / (6.0 * tables));
  }
}

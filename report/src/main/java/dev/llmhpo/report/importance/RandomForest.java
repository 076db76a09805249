package dev.llmhpo.report.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Bagged regression trees, each grown on a bootstrap sample of the rows, every feature considered at each split. */
public final class RandomForest {
  private final List<RegressionTree> trees;

  private RandomForest(List<RegressionTree> trees) {
    this.trees = List.copyOf(trees);
  }

  public static RandomForest fit(double[][] x, double[] y, int treeCount, int maxDepth, long seed) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("need as many targets as points, at least one; got " + x.length + " and " + y.length);
    }
    Random random = new Random(seed);
    List<RegressionTree> trees = new ArrayList<>();
    for (int t = 0; t < treeCount; t++) {
      int[] rows = new int[x.length];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = random.nextInt(x.length);
      }
      trees.add(RegressionTree.fit(x, y, rows, maxDepth));
    }
    return new RandomForest(trees);
  }

  public List<RegressionTree> trees() {
    return trees;
  }

  public double predict(double[] point) {
    return trees.stream().mapToDouble(t -> t.predict(point)).average().orElse(Double.NaN);
  }
}

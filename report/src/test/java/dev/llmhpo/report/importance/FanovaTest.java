package dev.llmhpo.report.importance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import java.util.Random;
import org.junit.Test;

public class FanovaTest {
  private static double[][] points(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextDouble();
      }
    }
    return x;
  }

  @Test
  public void aSingleTreesMainEffectsAreExact() {
    // f = 1 on x0 <= 0.5, else 3 (leaves split only on x0): all variance is x0's.
    List<RegressionTree.Leaf> leaves =
        List.of(
            new RegressionTree.Leaf(new double[] {0, 0}, new double[] {0.5, 1}, 1),
            new RegressionTree.Leaf(new double[] {0.5, 0}, new double[] {1, 1}, 3));
    double[] shares = Fanova.mainEffectShares(leaves, 2);
    assertThat(shares[0], closeTo(1, 1e-12));
    assertThat(shares[1], closeTo(0, 1e-12));
  }

  @Test
  public void anInteractionIsNoMainEffect() {
    // XOR on a 2x2 grid: each feature alone explains nothing.
    List<RegressionTree.Leaf> leaves =
        List.of(
            new RegressionTree.Leaf(new double[] {0, 0}, new double[] {0.5, 0.5}, 0),
            new RegressionTree.Leaf(new double[] {0, 0.5}, new double[] {0.5, 1}, 1),
            new RegressionTree.Leaf(new double[] {0.5, 0}, new double[] {1, 0.5}, 1),
            new RegressionTree.Leaf(new double[] {0.5, 0.5}, new double[] {1, 1}, 0));
    double[] shares = Fanova.mainEffectShares(leaves, 2);
    assertThat(shares[0], closeTo(0, 1e-12));
    assertThat(shares[1], closeTo(0, 1e-12));
  }

  @Test
  public void anAdditiveFunctionSplitsItsVarianceByTerm() {
    // y = 2 x0 + x1 (+ nothing from x2): variances 4/12 and 1/12, so shares 0.8 and 0.2.
    double[][] x = points(400, 3, 1);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i][0] + x[i][1];
    }
    double[] importance = Fanova.importance(RandomForest.fit(x, y, 32, 64, 5), 3);
    assertThat(importance[0], closeTo(0.8, 0.05));
    assertThat(importance[1], closeTo(0.2, 0.05));
    assertThat(importance[2], lessThan(0.02));
  }
}

package dev.llmhpo.report.importance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

public class RegressionTreeTest {
  private static final double[][] X = {{0.1, 0.9}, {0.2, 0.1}, {0.6, 0.8}, {0.7, 0.2}, {0.9, 0.5}};
  private static final double[] Y = {1, 1, 5, 5, 5};

  @Test
  public void aStepInOneFeatureIsOneSplitHalfWayBetweenTheValues() {
    RegressionTree tree = RegressionTree.fit(X, Y, IntStream.range(0, X.length).toArray(), 64);
    List<RegressionTree.Leaf> leaves = tree.leaves();

    assertThat(leaves, hasSize(2));
    assertThat(leaves.get(0).high()[0], closeTo(0.4, 1e-12));
    assertThat(leaves.get(1).low()[0], closeTo(0.4, 1e-12));
    assertThat(tree.predict(new double[] {0.39, 0.5}), equalTo(1.0));
    assertThat(tree.predict(new double[] {0.41, 0.5}), equalTo(5.0));
  }

  @Test
  public void leavesTileTheUnitCube() {
    double[] noisy = {1, 2, 3, 7, 5};
    RegressionTree tree = RegressionTree.fit(X, noisy, IntStream.range(0, X.length).toArray(), 64);
    double volume = tree.leaves().stream().mapToDouble(RegressionTree.Leaf::volume).sum();
    assertThat(volume, closeTo(1, 1e-12));
    assertThat(tree.leaves(), hasSize(5)); // grown until every leaf is pure
    for (int i = 0; i < X.length; i++) {
      assertThat(tree.predict(X[i]), equalTo(noisy[i]));
    }
  }

  @Test
  public void theDepthLimitStopsGrowth() {
    RegressionTree stump = RegressionTree.fit(X, new double[] {1, 2, 3, 7, 5}, IntStream.range(0, X.length).toArray(), 1);
    assertThat(stump.leaves(), hasSize(2));
  }
}

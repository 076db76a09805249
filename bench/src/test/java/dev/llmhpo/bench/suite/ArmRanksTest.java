package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ArmRanksTest {
  @Test
  public void tiedArmsShareTheirMeanRank() {
    assertThat(ArmRanks.ranks(new double[] {0.3, 0.2, 0.3}, false), equalTo(new double[] {2.5, 1, 2.5}));
    assertThat(ArmRanks.ranks(new double[] {0.3, 0.2, 0.3}, true), equalTo(new double[] {1.5, 3, 1.5}));
  }

  @Test
  public void meanRanksAverageOverTables() {
    Map<String, Double> mean = ArmRanks.meanRanks(
        List.of("a", "b", "c"),
        List.of(new double[] {0.3, 0.2, 0.1}, new double[] {0.9, 0.8, 0.9}),
        List.of(false, true));
    // table 1 (lower is better): a 3, b 2, c 1; table 2 (higher is better): a 1.5, b 3, c 1.5
    assertThat(mean, equalTo(Map.of("a", 2.25, "b", 2.5, "c", 1.25)));
  }

  @Test
  public void criticalDifferenceIsNemenyis() {
    // q(0.05, k=3) = 2.343; CD = 2.343 * sqrt(3 * 4 / (6 * 6))
    assertThat(ArmRanks.criticalDifference(3, 6), closeTo(2.343 * Math.sqrt(1.0 / 3), 1e-12));
    assertThat(ArmRanks.criticalDifference(11, 6), equalTo(Double.NaN));
  }
}

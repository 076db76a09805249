package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

public class PairedStatsTest {
  @Test
  public void wilcoxonMatchesTheExactDistributionByHand() {
    // All five differences positive: W- = 0; P(W- <= 0) = 1/32, two-sided 2/32.
    assertThat(PairedStats.wilcoxon(new double[] {1, 2, 3, 4, 5}), closeTo(0.0625, 1e-12));
    // W- = 2 (the rank of -2): subsets of {1..5} with sum <= 2 are {}, {1}, {2}: 2 * 3/32.
    assertThat(PairedStats.wilcoxon(new double[] {1, -2, 3, 4, 5}), closeTo(0.1875, 1e-12));
    // Zero differences are left out, as Wilcoxon (and scipy's default) does.
    assertThat(PairedStats.wilcoxon(new double[] {0, 1, 2, 3, 4, 5}), closeTo(0.0625, 1e-12));
    assertThat(PairedStats.wilcoxon(new double[] {0, 0, 0}), equalTo(1.0));
  }

  @Test
  public void bootstrapIntervalOfTwoValuesIsTheirRange() {
    // Resamples of {0, 10}: {0,0} median 0 (p 1/4), mixed median 5 (p 1/2), {10,10} median 10 (p 1/4); so the
    // 2.5 % and 97.5 % points are 0 and 10.
    double[] interval = PairedStats.bootstrapMedianInterval(new double[] {0, 10});
    assertThat(interval[0], equalTo(0.0));
    assertThat(interval[1], equalTo(10.0));
    double[] constant = PairedStats.bootstrapMedianInterval(new double[] {0.25, 0.25, 0.25});
    assertThat(constant[0], equalTo(0.25));
    assertThat(constant[1], equalTo(0.25));
  }

  @Test
  public void winsTiesAndLossesFollowTheMetricsDirection() {
    double[] a = {0.30, 0.20, 0.25, Double.NaN};
    double[] b = {0.31, 0.20, 0.24, 0.10};
    PairedStats.Comparison lowerIsBetter = PairedStats.compare(a, b, false);
    assertThat(lowerIsBetter.n(), equalTo(3)); // the NaN pair is left out
    assertThat(lowerIsBetter.wins(), equalTo(1));
    assertThat(lowerIsBetter.ties(), equalTo(1));
    assertThat(lowerIsBetter.losses(), equalTo(1));
    assertThat(lowerIsBetter.medianDifference(), closeTo(0.0, 1e-12)); // -0.01, 0, 0.01
    PairedStats.Comparison higherIsBetter = PairedStats.compare(a, b, true);
    assertThat(higherIsBetter.wins(), equalTo(1));
    assertThat(higherIsBetter.losses(), equalTo(1));
  }
}

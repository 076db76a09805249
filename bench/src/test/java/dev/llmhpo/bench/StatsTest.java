package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

public class StatsTest {
  @Test
  public void quantilesInterpolateLikeNumpy() {
    double[] values = {4, 1, 3, 2};
    assertThat(Stats.quantile(values, 0.25), equalTo(1.75));
    assertThat(Stats.median(values), equalTo(2.5));
    assertThat(Stats.quantile(values, 0.75), equalTo(3.25));
    assertThat(Stats.median(7), equalTo(7.0));
  }

  @Test
  public void nonFiniteValuesAreLeftOut() {
    assertThat(Stats.median(1, Double.NaN, 3), equalTo(2.0));
    assertThat(Double.isNaN(Stats.median(Double.NaN)), equalTo(true));
  }
}

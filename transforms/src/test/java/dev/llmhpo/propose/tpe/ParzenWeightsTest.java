package dev.llmhpo.propose.tpe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

public class ParzenWeightsTest {
  @Test
  public void fewObservationsWeighAsMuchAsThePrior() {
    assertThat(ParzenWeights.of(0), equalTo(new double[] {1}));
    assertThat(ParzenWeights.of(3), equalTo(new double[] {0.25, 0.25, 0.25, 0.25}));
  }

  @Test
  public void beyondTwentyFiveTheOldestRampUpFromOneOverN() {
    double[] weights = ParzenWeights.of(30);
    double flat = weights[29];

    // numpy.linspace(1/30, 1, 5) for the five oldest, then 25 ones, then the prior's 1.
    assertThat(weights[0] / flat, closeTo(1.0 / 30, 1e-12));
    assertThat(weights[2] / flat, closeTo(1.0 / 30 + 2 * (1 - 1.0 / 30) / 4, 1e-12));
    assertThat(weights[4] / flat, closeTo(1, 1e-12));
    assertThat(weights[30] / flat, closeTo(1, 1e-12));
    assertThat(flat, closeTo(1 / (1.0 / 30 + 0.275 + 0.5166666666666667 + 0.7583333333333333 + 27), 1e-12));
  }
}

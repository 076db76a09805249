package dev.llmhpo.propose.tpe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertTrue;

import java.util.SplittableRandom;
import org.junit.Test;

public class ParzenEstimatorTest {
  private static final double LOW = -2;
  private static final double HIGH = 3;
  private final ParzenEstimator estimator = ParzenEstimator.fit(new double[] {-1.9, 0.5, 0.6, 2.9, 2.95}, LOW, HIGH);

  @Test
  public void densityIntegratesToOneOverTheTruncatedRange() {
    int steps = 200_000;
    double width = (HIGH - LOW) / steps;
    double integral = 0;
    for (int i = 0; i < steps; i++) {
      integral += Math.exp(estimator.logPdf(LOW + (i + 0.5) * width)) * width;
    }

    assertThat(integral, closeTo(1, 1e-6));
    assertThat(estimator.logProbabilityBetween(LOW, HIGH), closeTo(0, 1e-12));
  }

  @Test
  public void samplesFollowTheDensity() {
    SplittableRandom random = new SplittableRandom(1);
    int draws = 100_000;
    int inside = 0;
    for (int i = 0; i < draws; i++) {
      double x = estimator.sample(random);
      assertTrue(x >= LOW && x <= HIGH);
      inside += x >= 0 && x < 1 ? 1 : 0;
    }

    assertThat((double) inside / draws, closeTo(Math.exp(estimator.logProbabilityBetween(0, 1)), 0.005));
  }

  @Test
  public void densityIsHighestNearTheObservations() {
    assertThat(estimator.logPdf(0.55), greaterThan(estimator.logPdf(-0.7)));
  }
}

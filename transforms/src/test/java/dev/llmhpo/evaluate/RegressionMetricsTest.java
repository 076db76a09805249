package dev.llmhpo.evaluate;

import static dev.llmhpo.evaluate.MetricsTest.column;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.Test;

/** Regression metrics on small vectors worked out by hand in the comments. */
public class RegressionMetricsTest {
  private static final float[] LABELS = {1, 2, 3, 6};
  private static final float[][] PREDICTIONS = column(2, 2, 1, 6); // errors -1, 0, 2, 0

  @Test
  public void rmseIsTheRootOfTheMeanSquaredError() {
    // (1 + 0 + 4 + 0) / 4 = 1.25
    assertThat(new Rmse().compute(LABELS, PREDICTIONS), closeTo(Math.sqrt(1.25), 1e-12));
  }

  @Test
  public void maeIsTheMeanAbsoluteError() {
    assertThat(new Mae().compute(LABELS, PREDICTIONS), closeTo(0.75, 1e-12));
  }

  @Test
  public void rSquaredComparesTheErrorWithTheLabelsSpread() {
    // mean 3; squared deviations 4 + 1 + 0 + 9 = 14; squared errors 5: 1 - 5/14
    assertThat(new RSquared().compute(LABELS, PREDICTIONS), closeTo(1 - 5.0 / 14, 1e-12));
  }

  @Test
  public void rSquaredOfPredictingTheMeanIsZero() {
    assertThat(new RSquared().compute(LABELS, column(3, 3, 3, 3)), closeTo(0, 1e-12));
  }

  @Test
  public void rSquaredOfConstantLabelsIsOneWhenExactElseZero() {
    assertThat(new RSquared().compute(new float[] {2, 2}, column(2, 2)), closeTo(1, 0));
    assertThat(new RSquared().compute(new float[] {2, 2}, column(2, 3)), closeTo(0, 0));
  }
}

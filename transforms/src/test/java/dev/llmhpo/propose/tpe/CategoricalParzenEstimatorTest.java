package dev.llmhpo.propose.tpe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.Test;

public class CategoricalParzenEstimatorTest {
  @Test
  public void mixesSmoothedObservationKernelsWithAUniformPrior() {
    CategoricalParzenEstimator estimator = CategoricalParzenEstimator.fit(new int[] {0}, 3);

    // Weights 1/2 and 1/2; the observation's kernel is (1 + 1/2, 1/2, 1/2) / 2.5, the prior's uniform.
    assertThat(Math.exp(estimator.logProbability(0)), closeTo(0.5 * 0.6 + 0.5 / 3, 1e-12));
    assertThat(Math.exp(estimator.logProbability(1)), closeTo(0.5 * 0.2 + 0.5 / 3, 1e-12));
  }

  @Test
  public void withoutObservationsIsUniform() {
    CategoricalParzenEstimator estimator = CategoricalParzenEstimator.fit(new int[0], 4);

    assertThat(Math.exp(estimator.logProbability(3)), closeTo(0.25, 1e-12));
  }
}

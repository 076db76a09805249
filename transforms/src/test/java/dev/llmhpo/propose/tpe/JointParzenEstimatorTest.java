package dev.llmhpo.propose.tpe;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import dev.llmhpo.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.Test;

public class JointParzenEstimatorTest {
  private static final SearchSpace PLANE =
      SearchSpace.of(List.of(floatParam("x", 0, 1, false, 0.5), floatParam("y", 0, 1, false, 0.5)));

  @Test
  public void aFloatsDensityIntegratesToOneOverItsRange() {
    SearchSpace line = SearchSpace.of(List.of(floatParam("eta", 0.005, 0.3, true, 0.1)));
    JointParzenEstimator estimator =
        JointParzenEstimator.fit(line, List.of(Map.of("eta", 0.006), Map.of("eta", 0.05), Map.of("eta", 0.29)));
    // The density is over the sampling coordinate, log(eta): integrate over it.
    double low = Math.log(0.005);
    double high = Math.log(0.3);
    int steps = 20_000;
    double integral = 0;
    for (int i = 0; i < steps; i++) {
      double coordinate = low + (i + 0.5) * (high - low) / steps;
      integral += Math.exp(estimator.logDensity(Map.of("eta", Math.exp(coordinate)))) * (high - low) / steps;
    }
    assertThat(integral, closeTo(1.0, 1e-3));
  }

  @Test
  public void intsAndCategoriesHaveProbabilitiesThatSumToOne() {
    SearchSpace space =
        SearchSpace.of(List.of(intParam("depth", 2, 12, false, 6L), categorical("c", List.of("a", "b", "c"), null)));
    JointParzenEstimator estimator =
        JointParzenEstimator.fit(space, List.of(Map.of("depth", 3L, "c", "a"), Map.of("depth", 12L, "c", "b")));
    double total = 0;
    for (long depth = 2; depth <= 12; depth++) {
      for (String c : List.of("a", "b", "c")) {
        total += Math.exp(estimator.logDensity(Map.of("depth", depth, "c", c)));
      }
    }
    assertThat(total, closeTo(1.0, 1e-9));
  }

  @Test
  public void drawsKeepWhichValuesWereTriedTogether() {
    // Good configurations at (low, low) and (high, high): a joint estimator keeps x and y on the same side, where
    // a product of per-parameter estimators would mix the sides half the time.
    JointParzenEstimator estimator =
        JointParzenEstimator.fit(
            PLANE, List.of(Map.of("x", 0.1, "y", 0.1), Map.of("x", 0.9, "y", 0.9), Map.of("x", 0.12, "y", 0.08)));
    SplittableRandom random = new SplittableRandom(7);
    int sameSide = 0;
    int draws = 2000;
    for (int i = 0; i < draws; i++) {
      Map<String, Object> draw = estimator.sample(random);
      sameSide += ((Double) draw.get("x") < 0.5) == ((Double) draw.get("y") < 0.5) ? 1 : 0;
    }
    assertThat(sameSide / (double) draws, greaterThan(0.8));
  }

  @Test
  public void theMultivariateSamplerProposesNearTheGoodGroupAndAwayFromPendingPicks() {
    List<Map<String, Object>> good = List.of(Map.of("x", 0.2, "y", 0.8));
    List<Map<String, Object>> bad = List.of(Map.of("x", 0.8, "y", 0.2), Map.of("x", 0.5, "y", 0.5));
    MultivariateTpeSampler sampler = new MultivariateTpeSampler(PLANE, good, bad);
    SplittableRandom random = new SplittableRandom(3);
    Map<String, Object> first = sampler.sample(random);
    assertThat(distance(first, good.get(0)), lessThan(0.3));

    for (int i = 0; i < 20; i++) {
      sampler.addPending(Map.of("x", 0.2, "y", 0.8));
    }
    double meanDistance = 0;
    for (int i = 0; i < 50; i++) {
      meanDistance += distance(sampler.sample(random), good.get(0)) / 50;
    }
    assertThat(meanDistance, greaterThan(distance(first, good.get(0))));
  }

  private static double distance(Map<String, Object> a, Map<String, Object> b) {
    return Math.hypot((Double) a.get("x") - (Double) b.get("x"), (Double) a.get("y") - (Double) b.get("y"));
  }
}

package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.bench.EfficiencyScenario.Result;
import dev.llmhpo.bench.EfficiencyScenario.Run;
import dev.llmhpo.bench.EfficiencySummary.ProposerSummary;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class EfficiencySummaryTest {
  private static Run run(String proposer, long seed, double... values) {
    double[] seconds = new double[values.length];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = 10.0 * (i + 1) * seed;
    }
    Map<String, Double> test = Map.of("logloss", 0.3 - 0.01 * seed, "auc", 0.9, "accuracy", 0.85);
    return new Run(proposer, seed, values, seconds, Map.of(values.length, test), 100.0 * seed);
  }

  @Test
  public void bestSoFarSkipsFailedTrials() {
    double nan = Double.NaN;
    double[] best = EfficiencySummary.bestSoFar(new double[] {nan, 0.5, 0.6, nan, 0.4}, false);
    assertThat(Double.isNaN(best[0]), equalTo(true));
    assertThat(List.of(best[1], best[2], best[3], best[4]), contains(0.5, 0.5, 0.5, 0.4));
    assertThat(EfficiencySummary.bestSoFar(new double[] {0.8, 0.9, 0.85}, true)[2], equalTo(0.9));
  }

  @Test
  public void mediansQuartilesAndTrialsToWithinHalfAPercentOverSeeds() {
    Result result =
        new Result(
            "logloss",
            false,
            3,
            1,
            List.of(
                run("tpe", 1, 0.40, 0.30, 0.2800),
                run("tpe", 2, 0.35, 0.2810, 0.2790),
                run("tpe", 3, 0.50, 0.45, 0.2795),
                run("random", 1, 0.40, 0.39, 0.38),
                run("random", 2, 0.41, 0.2790, 0.30)));
    EfficiencySummary summary = EfficiencySummary.of(result);
    assertThat(summary.bestOverall(), equalTo(0.2790));
    assertThat(summary.checkpoints(), contains(3));

    ProposerSummary tpe = summary.proposers().get("tpe");
    assertThat(tpe.runs(), equalTo(3));
    assertThat(tpe.medianAt(1), equalTo(0.40));
    assertThat(tpe.q1At(1), closeTo(0.375, 1e-12));
    assertThat(tpe.q3At(1), closeTo(0.45, 1e-12));
    assertThat(tpe.medianAt(3), equalTo(0.2795));
    // Within 0.5 % of 0.2790 is at most 0.280395: seed 1 at trial 3, seed 2 at trial 2, seed 3 at trial 3.
    assertThat(tpe.trialsToWithin(), equalTo(3.0));
    assertThat(tpe.reached(), equalTo(3));
    assertThat(tpe.medianTest().get(3).get("logloss"), closeTo(0.28, 1e-12));
    assertThat(tpe.secondsTo().get(3), equalTo(60.0));

    ProposerSummary random = summary.proposers().get("random");
    assertThat(random.reached(), equalTo(1));
    assertThat(random.trialsToWithin(), equalTo(Double.POSITIVE_INFINITY)); // one of two runs never got there
  }

  @Test
  public void aMedianCountsRunsThatNeverGotThereAsInfinite() {
    double nan = Double.NaN;
    assertThat(EfficiencySummary.medianCountingMisses(new double[] {4, nan, 6}), equalTo(6.0));
    assertThat(EfficiencySummary.medianCountingMisses(new double[] {4, 8, 6, nan}), equalTo(7.0));
  }
}

package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SuiteSummaryTest {
  private static StudyOutcome outcome(String table, String arm, long seed, double... values) {
    double[] seconds = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      seconds[i] = i + 1.0;
    }
    return new StudyOutcome(table, arm, seed, "logloss", false, values, seconds, Map.of("logloss", values[0]),
        values.length, 0.5, 1);
  }

  @Test
  public void normalisedImprovementIsTheShareOfTheGapToTheBestFound() {
    List<StudyOutcome> outcomes = new ArrayList<>();
    // seed 1: default 0.5; random reaches 0.4, tpe 0.3 (the best seen): random 0.5, tpe 1
    outcomes.add(outcome("t", "default-only", 1, 0.5));
    outcomes.add(outcome("t", "random", 1, 0.5, 0.45, 0.4));
    outcomes.add(outcome("t", "tpe", 1, 0.5, 0.3, 0.35));
    // seed 2: nobody beats the default: every arm 0
    outcomes.add(outcome("t", "default-only", 2, 0.6));
    outcomes.add(outcome("t", "random", 2, 0.6, 0.7, 0.8));
    outcomes.add(outcome("t", "tpe", 2, 0.6, 0.9, 0.65));
    SuiteSummary summary = SuiteSummary.of(
        outcomes, List.of("t"), List.of("default-only", "random", "tpe"), List.of(), 3, List.of(1.5));
    Map<String, Double> improvement = summary.meanNormalisedImprovement();
    assertThat(improvement.get("default-only"), closeTo(0.0, 1e-12));
    assertThat(improvement.get("random"), closeTo(0.25, 1e-12)); // median of 0.5 and 0
    assertThat(improvement.get("tpe"), closeTo(0.5, 1e-12)); // median of 1 and 0
    SuiteSummary.ArmSummary tpe = summary.table("t").arms().get(2);
    assertThat(tpe.bestAfterTrials().get(1).median(), closeTo(0.55, 1e-12)); // 0.5 and 0.6
    assertThat(tpe.bestAfterTrials().get(3).median(), closeTo(0.45, 1e-12)); // 0.3 and 0.6
    assertThat(tpe.bestAfterSeconds().get(1.5).median(), closeTo(0.55, 1e-12)); // one trial done by 1.5 s
    // by median best after 3 trials: default-only 0.55, random 0.5, tpe 0.45
    assertThat(summary.meanRank(), equalTo(Map.of("default-only", 3.0, "random", 2.0, "tpe", 1.0)));
    assertThat(summary.rankNote(), containsString("too few to tell any two arms apart"));
  }

  @Test
  public void pairsCompareSeedWithSeed() {
    List<StudyOutcome> outcomes = List.of(
        outcome("t", "a", 1, 0.5, 0.4), outcome("t", "b", 1, 0.5, 0.45),
        outcome("t", "a", 2, 0.6, 0.6), outcome("t", "b", 2, 0.6, 0.5));
    SuiteSummary summary = SuiteSummary.of(outcomes, List.of("t"), List.of("a", "b"), List.of(), 2, List.of(10.0));
    SuiteSummary.PairSummary validation = summary.pairs().stream()
        .filter(p -> p.measure().equals("validation")).findFirst().orElseThrow();
    assertThat(validation.wins(), equalTo(1)); // seed 1: 0.4 < 0.45
    assertThat(validation.losses(), equalTo(1)); // seed 2: 0.6 > 0.5
    assertThat(validation.medianDifference(), closeTo(0.025, 1e-12)); // -0.05 and 0.1
  }
}

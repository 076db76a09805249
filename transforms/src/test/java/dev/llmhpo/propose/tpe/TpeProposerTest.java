package dev.llmhpo.propose.tpe;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.Studies;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.NumericScale;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Univariate and multivariate TPE alike. */
@RunWith(Parameterized.class)
public class TpeProposerTest {
  private static final SearchSpace XGBOOST = SearchSpace.xgboostDefault();
  private static final int SEEDS = 7;

  @Parameters(name = "multivariate={0}")
  public static List<Object[]> modes() {
    return List.of(new Object[] {false}, new Object[] {true});
  }

  @Parameter public boolean multivariate;

  private TpeProposer tpe() {
    return tpe(10);
  }

  private TpeProposer tpe(int startupTrials) {
    return new TpeProposer(new TpeSettings(startupTrials, multivariate));
  }

  /**
   * A sphere in the sampling coordinates scaled to [0, 1], its centre shifted off the middle: every parameter
   * matters, the log-scale ones (eta, lambda, ...) and the ints (max_depth, max_bin) among them.
   */
  private static double shiftedSphere(Map<String, Object> config) {
    double sum = 0;
    int i = 0;
    for (String name : XGBOOST.names()) {
      NumericScale scale = XGBOOST.scale(name);
      double coordinate = scale.toCoordinate(((Number) config.get(name)).doubleValue());
      double unit = (coordinate - scale.low()) / (scale.high() - scale.low());
      double centre = 0.15 + 0.7 * ((i++ * 0.618) % 1.0);
      sum += (unit - centre) * (unit - centre);
    }
    return sum;
  }

  @Test
  public void findsBetterOptimaThanRandomSearch() {
    double[] tpe = new double[SEEDS];
    double[] random = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      tpe[seed] = bestOfStudy(tpe(), seed);
      random[seed] = bestOfStudy(new RandomProposer(), seed);
    }

    assertThat(Studies.median(tpe), lessThan(Studies.median(random)));
  }

  private double bestOfStudy(Proposer proposer, long seed) {
    return Studies.best(
        Studies.run(proposer, XGBOOST, Direction.MINIMIZE, TpeProposerTest::shiftedSphere, 60, 4, seed));
  }

  @Test
  public void favoursTheBestChoiceOfACategoricalAfterStartup() {
    SearchSpace space =
        SearchSpace.of(
            List.of(
                categorical("tree_method", List.of("exact", "approx", "hist", "auto"), null),
                floatParam("x", 0, 1, false, null)));
    ToDoubleFunction<Map<String, Object>> objective =
        config -> (config.get("tree_method").equals("hist") ? 0 : 1) + Math.abs((Double) config.get("x") - 0.3);
    Predicate<Map<String, Object>> isHist = config -> config.get("tree_method").equals("hist");

    double tpe = shareOfLastTrials(tpe(), space, objective, 40, isHist);
    double random = shareOfLastTrials(new RandomProposer(), space, objective, 40, isHist);

    assertThat(tpe, greaterThan(2 * random));
  }

  @Test
  public void narrowsALogScaleIntTowardsItsOptimum() {
    SearchSpace space =
        SearchSpace.of(List.of(intParam("k", 1, 1000, true, null), floatParam("x", 0, 1, false, null)));
    ToDoubleFunction<Map<String, Object>> objective =
        config -> Math.abs(Math.log((Long) config.get("k")) - Math.log(20)) + 0.01 * (Double) config.get("x");
    Predicate<Map<String, Object>> nearTwenty = config -> Math.abs((Long) config.get("k") - 25) <= 15;

    double tpe = shareOfLastTrials(tpe(), space, objective, 50, nearTwenty);
    double random = shareOfLastTrials(new RandomProposer(), space, objective, 50, nearTwenty);

    assertThat(tpe, greaterThan(2 * random));
  }

  /** Over three studies, the share of their last 20 trials that satisfy the condition. */
  private double shareOfLastTrials(
      Proposer proposer,
      SearchSpace space,
      ToDoubleFunction<Map<String, Object>> objective,
      int trials,
      Predicate<Map<String, Object>> condition) {
    int last = 20;
    int hits = 0;
    for (long seed = 0; seed < 3; seed++) {
      List<TrialResult> history = Studies.run(proposer, space, Direction.MINIMIZE, objective, trials, 4, seed);
      for (TrialResult result : history.subList(trials - last, trials)) {
        hits += condition.test(result.getTrial().getParams()) ? 1 : 0;
      }
    }
    return hits / (3.0 * last);
  }

  @Test
  public void maximisingAValueIsMinimisingItsNegation() {
    List<TrialResult> history = Studies.randomHistory(XGBOOST, 30, 0, TpeProposerTest::shiftedSphere, 1);
    List<TrialResult> negated = new ArrayList<>();
    for (TrialResult result : history) {
      negated.add(
          Studies.result(result.getTrial().getTrialId(), 0, result.getTrial().getParams(), TrialStatus.COMPLETE,
              -result.getValue()));
    }
    TpeProposer tpe = tpe();

    Proposal minimised = tpe.propose(Studies.request(XGBOOST, Direction.MINIMIZE, history, 4, 1));

    assertThat(tpe.propose(Studies.request(XGBOOST, Direction.MAXIMIZE, negated, 4, 1)), equalTo(minimised));
    assertThat(tpe.propose(Studies.request(XGBOOST, Direction.MAXIMIZE, history, 4, 1)), not(equalTo(minimised)));
  }

  @Test
  public void samplesRandomlyUntilTenTrialsAreCompleteIgnoringFailures() {
    ToDoubleFunction<Map<String, Object>> objective = TpeProposerTest::shiftedSphere;

    assertThat(rationale(Studies.randomHistory(XGBOOST, 9, 20, objective, 2), 10), containsString("startup"));
    assertThat(
        rationale(Studies.randomHistory(XGBOOST, 10, 20, objective, 2), 10),
        equalTo(
            (multivariate ? "multivariate" : "univariate")
                + " TPE: maximises l(x)/g(x) over 24 candidates; 1 of 10 trials in the good group"));
  }

  @Test
  public void theStartupTrialsAreAsConfigured() {
    ToDoubleFunction<Map<String, Object>> objective = TpeProposerTest::shiftedSphere;

    assertThat(rationale(Studies.randomHistory(XGBOOST, 2, 0, objective, 2), 3), containsString("startup"));
    assertThat(rationale(Studies.randomHistory(XGBOOST, 3, 0, objective, 2), 3), containsString("1 of 3 trials"));
    assertThat(rationale(Studies.randomHistory(XGBOOST, 1, 0, objective, 2), 0), containsString("1 of 1 trials"));
  }

  @Test
  public void goodGroupIsATenthOfTheTrialsUpToTwentyFive() {
    ToDoubleFunction<Map<String, Object>> objective = TpeProposerTest::shiftedSphere;

    assertThat(rationale(Studies.randomHistory(XGBOOST, 68, 0, objective, 3), 10), containsString("; 7 of 68 trials"));
    assertThat(rationale(Studies.randomHistory(XGBOOST, 300, 0, objective, 3), 10), containsString("; 25 of 300 trials"));
  }

  /** The rationale of TPE's proposal after the history. */
  private String rationale(List<TrialResult> history, int startupTrials) {
    return tpe(startupTrials)
        .propose(Studies.request(XGBOOST, Direction.MINIMIZE, history, 1, 4))
        .configs()
        .get(0)
        .rationale();
  }
}

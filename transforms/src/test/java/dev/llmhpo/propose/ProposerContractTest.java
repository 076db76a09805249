package dev.llmhpo.propose;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.propose.tpe.TpeSettings;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

/** What every proposer promises ({@link Proposer}); a new proposer joins with one line in {@link #proposers()}. */
@RunWith(Parameterized.class)
public class ProposerContractTest {
  @Parameters(name = "{index}: {0}")
  public static List<Object[]> proposers() {
    return List.of(
        proposer(RandomProposer::new),
        proposer(TpeProposer::new),
        proposer(() -> new TpeProposer(new TpeSettings(10, false))));
  }

  private static Object[] proposer(Supplier<Proposer> factory) {
    return new Object[] {factory.get().name(), factory};
  }

  @Parameter(0)
  public String name;

  @Parameter(1)
  public Supplier<Proposer> factory;

  /** The XGBoost space plus a categorical and a log-scale int, so every kind of parameter is exercised. */
  private static final SearchSpace SPACE = mixedSpace();

  private static final ToDoubleFunction<Map<String, Object>> OBJECTIVE =
      config -> {
        double eta = Math.log((Double) config.get("eta"));
        double depth = (Long) config.get("max_depth");
        return Math.pow(eta - Math.log(0.05), 2) + Math.pow(depth - 5, 2) / 10
            + (config.get("grow_policy").equals("lossguide") ? 0 : 0.5);
      };

  @Test
  public void freshStudyGetsNValidConfigs() {
    ProposalRequest request = Studies.request(SPACE, Direction.MINIMIZE, List.of(), 8, 1);

    assertValid(request, propose(request));
  }

  @Test
  public void pendingConfigurationsAreNotProposedAgain() {
    List<ProposedConfig> pending = List.of(new ProposedConfig(SPACE.defaults(), "default", "baseline"));
    ProposalRequest request = Studies.request(SPACE, Direction.MINIMIZE, List.of(), pending, 6, 2);

    assertValid(request, propose(request));
  }

  @Test
  public void theDefaultsTriedInTheHistoryAreNotProposedAgain() {
    List<TrialResult> history = List.of(Studies.result(0, 0, SPACE.defaults(), TrialStatus.FAILED, null));
    ProposalRequest request = Studies.request(SPACE, Direction.MINIMIZE, history, 6, 2);

    assertValid(request, propose(request));
  }

  @Test
  public void failedOnlyHistory() {
    ProposalRequest request =
        Studies.request(SPACE, Direction.MINIMIZE, Studies.randomHistory(SPACE, 0, 15, OBJECTIVE, 3), 5, 3);

    assertValid(request, propose(request));
  }

  @Test
  public void historyWithCompletedAndFailedTrials() {
    ProposalRequest request =
        Studies.request(SPACE, Direction.MINIMIZE, Studies.randomHistory(SPACE, 30, 5, OBJECTIVE, 4), 6, 4);

    assertValid(request, propose(request));
  }

  @Test
  public void maximizingStudy() {
    ProposalRequest request =
        Studies.request(SPACE, Direction.MAXIMIZE, Studies.randomHistory(SPACE, 30, 0, OBJECTIVE, 5), 6, 5);

    assertValid(request, propose(request));
  }

  @Test
  public void sameRequestGivesSameConfigsAndAnotherSeedOthers() {
    List<TrialResult> history = Studies.randomHistory(SPACE, 30, 3, OBJECTIVE, 6);
    ProposalRequest request = Studies.request(SPACE, Direction.MINIMIZE, history, 5, 6);

    List<ProposedConfig> first = propose(request);

    assertThat(propose(request), equalTo(first));
    assertThat(propose(Studies.request(SPACE, Direction.MINIMIZE, history, 5, 7)), not(equalTo(first)));
  }

  @Test
  public void aWholeStudyNeverRepeatsAConfiguration() {
    List<TrialResult> history = Studies.run(factory.get(), SPACE, Direction.MINIMIZE, OBJECTIVE, 40, 4, 8);

    Set<String> keys = new HashSet<>();
    history.forEach(result -> assertTrue(keys.add(SPACE.canonicalKey(result.getTrial().getParams()))));
  }

  @Test
  public void smallSpaceIsFilledUpWithTheConfigurationsLeft() {
    SearchSpace small =
        SearchSpace.of(List.of(intParam("k", 1, 12, false, null), categorical("c", List.of("a", "b"), null)));
    List<TrialResult> firstHalf = new ArrayList<>();
    for (ProposedConfig config : propose(Studies.request(small, Direction.MINIMIZE, List.of(), 12, 9))) {
      firstHalf.add(
          Studies.result(firstHalf.size(), 0, config.params(), TrialStatus.COMPLETE, (double) firstHalf.size()));
    }
    ProposalRequest secondHalf = Studies.request(small, Direction.MINIMIZE, firstHalf, 12, 10);

    assertValid(secondHalf, propose(secondHalf));
  }

  @Test
  public void askingForMoreThanTheSpaceHasLeftFailsClearly() {
    SearchSpace tiny = SearchSpace.of(List.of(categorical("c", List.of("a", "b", "c"), null)));
    ProposalRequest request = Studies.request(tiny, Direction.MINIMIZE, List.of(), 4, 11);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> propose(request));
    assertThat(e.getMessage(), containsString("too small"));
  }

  @Test
  public void zeroConfigurations() {
    assertThat(propose(Studies.request(SPACE, Direction.MINIMIZE, List.of(), 0, 12)), is(empty()));
  }

  private List<ProposedConfig> propose(ProposalRequest request) {
    return factory.get().propose(request).configs();
  }

  private void assertValid(ProposalRequest request, List<ProposedConfig> configs) {
    assertThat(configs.size(), equalTo(request.n()));
    Set<String> seen = new HashSet<>();
    request.taken().forEach(config -> seen.add(request.space().canonicalKey(config)));
    for (ProposedConfig config : configs) {
      assertTrue("inside the space: " + config.params(), request.space().contains(config.params()));
      assertTrue("new: " + config.params(), seen.add(request.space().canonicalKey(config.params())));
      assertThat(config.proposer(), equalTo(name));
      assertThat(config.rationale().isBlank(), is(false));
    }
  }

  private static SearchSpace mixedSpace() {
    List<SearchParam> params = new ArrayList<>(SearchSpace.xgboostDefault().params());
    params.add(categorical("grow_policy", List.of("depthwise", "lossguide"), null));
    params.add(intParam("max_leaves", 2, 256, true, null));
    return SearchSpace.of(params);
  }
}

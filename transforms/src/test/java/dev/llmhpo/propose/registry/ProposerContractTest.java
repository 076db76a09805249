package dev.llmhpo.propose.registry;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Studies;
import dev.llmhpo.propose.TrialBudget;
import dev.llmhpo.propose.llm.LlmSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.guard.AnswerSettings.OutputFormat;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeSettings;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * What every built-in proposer promises ({@link dev.llmhpo.propose.Proposer}), run on every entry of the registry
 * with TPE multivariate and univariate. The LLM proposers ask a {@link WellBehavedChatModel} and keep its answers
 * in a response cache, as a study does; a new proposer is tested here as soon as it is registered.
 */
@RunWith(Parameterized.class)
public class ProposerContractTest {
  @Parameters(name = "{0}, {1}")
  public static List<Object[]> proposers() {
    List<Object[]> cases = new ArrayList<>();
    for (String name : Proposers.names()) {
      cases.add(new Object[] {name, TpeSettings.DEFAULTS});
      cases.add(new Object[] {name, new TpeSettings(10, false)});
    }
    return cases;
  }

  @Parameter(0)
  public String name;

  @Parameter(1)
  public TpeSettings tpe;

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

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
  public void aSpentBudgetStillGetsTheConfigurationsAskedFor() {
    List<TrialResult> history = Studies.randomHistory(SPACE, 12, 0, OBJECTIVE, 6);
    ProposalRequest spent = new ProposalRequest(Studies.objective(Direction.MINIMIZE), SPACE, history, List.of(), 4,
        3, 6, "{}", new TrialBudget(8, 12, 2, 4, 2000, 50));

    assertValid(spent, propose(spent));
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
    List<TrialResult> history =
        Studies.run(Proposers.create(name, settings()), SPACE, Direction.MINIMIZE, OBJECTIVE, 40, 4, 8);

    assertThat(history, hasSize(40));
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

  /** The same settings for every proposer; each takes what it needs. */
  private ProposerSettings settings() {
    EndpointSettings endpoint = new EndpointSettings(
        Provider.OLLAMA, "http://127.0.0.1:9", "well-behaved", null, null, 0.7, 2048, Duration.ofSeconds(1),
        Duration.ofSeconds(3));
    LlmSettings llm = new LlmSettings(endpoint, new RetryPolicy(0, Duration.ZERO, Duration.ZERO),
        PromptSettings.of(8000), new AnswerSettings(OutputFormat.JSON_SCHEMA, OutOfRange.CLIP),
        new CacheSettings(CacheMode.RECORD, tmp.getRoot().toPath().resolve("llm-cache").toString()), 0.5);
    return new ProposerSettings(tpe, llm, (settings, apiKey) -> new WellBehavedChatModel());
  }

  /** A fresh proposer's answer, as a restarted worker would give it. */
  private List<ProposedConfig> propose(ProposalRequest request) {
    return Proposers.create(name, settings()).propose(request).configs();
  }

  private static void assertValid(ProposalRequest request, List<ProposedConfig> configs) {
    assertThat(configs, hasSize(request.n()));
    Set<String> seen = new HashSet<>();
    request.taken().forEach(config -> seen.add(request.space().canonicalKey(config)));
    for (ProposedConfig config : configs) {
      assertTrue("inside the space: " + config.params(), request.space().contains(config.params()));
      assertTrue("new: " + config.params(), seen.add(request.space().canonicalKey(config.params())));
      assertThat("labelled by the proposer that made it", config.proposer(), is(in(Proposers.names())));
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

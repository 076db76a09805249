package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.fourNewConfigs;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.guard.AnswerSettings.OutputFormat;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.space.OutOfRange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The llm proposer's logic against a scripted chat model: the guard, the repair, the fallback, the costs. */
public class LlmProposerTest {
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ProposalRequest request = request(smallHistory(), 4);

  private Proposal propose(ProposalRequest request) {
    return propose(Studies.ANSWERS, request);
  }

  private Proposal propose(AnswerSettings answers, ProposalRequest request) {
    LlmSettings settings = Studies.settings(answers, Studies.NO_CACHE, 0.5);
    return LlmProposer.create(settings, model.source(), new TpeProposer()).propose(request);
  }

  /** Requests sent, answers received (each with the scripted token counts), repairs and fallbacks. */
  private static void assertInfo(ProposalInfo info, int requests, int answers, int repairs, int fallbacks) {
    assertEquals("requests", requests, info.getLlmCalls());
    assertEquals("prompt tokens", answers * (long) ScriptedChatModel.PROMPT_TOKENS, info.getPromptTokens());
    assertEquals("completion tokens", answers * (long) ScriptedChatModel.COMPLETION_TOKENS,
        info.getCompletionTokens());
    assertEquals("repairs", repairs, info.getRepairs());
    assertEquals("fallbacks", fallbacks, info.getFallbacks());
    assertEquals("cache hits", 0, info.getCacheHits());
  }

  @Test
  public void goodAnswerGivesTheBatchInOneRequest() {
    model.answer(answer(fourNewConfigs()));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertEquals(fourNewConfigs().get(0), proposal.configs().get(0).params());
    assertEquals("Config 1 probes a new region.", proposal.configs().get(0).rationale());
    assertInfo(proposal.info(), 1, 1, 0, 0);
    assertEquals("Lower eta with moderate depth scored best so far.", proposal.info().getAnalysis());
    assertEquals(Map.of("llm_calls", 1L, "llm_fallbacks", 0L), proposal.counts());
    assertThat(model.lastUserTurn(), containsString("Propose exactly 4 new configurations"));
  }

  @Test
  public void brokenJsonIsRepairedOnce() {
    String broken = "{\"configs\": [{\"params\": {\"eta\": 0.1, \"max_depth\":";
    model.answer(broken).answer(answer(fourNewConfigs()));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertInfo(proposal.info(), 2, 2, 1, 0);
    assertEquals("the repair replays the broken answer", AiMessage.from(broken), model.messages(1).get(2));
    assertThat(model.messages(1).get(3), instanceOf(UserMessage.class));
    assertThat(model.lastUserTurn(), containsString("no JSON object with a \"configs\" array"));
    assertThat(model.lastUserTurn(), containsString("exactly 4 NEW configuration(s)"));
  }

  @Test
  public void proseAndCodeFencesAroundTheJsonAreIgnored() {
    String json = answer(fourNewConfigs());
    String trailingComma = json.substring(0, json.length() - 2) + ",]}";
    model.answer("Sure {happy to help}! Here you go:\n```json\n" + trailingComma + "\n```\nGood luck {with it}.");

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertInfo(proposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void outOfRangeNumbersAreClippedByDefault() {
    Map<String, Object> tooBig = new LinkedHashMap<>(config(0.1, 5));
    tooBig.put("eta", 5.0);
    tooBig.put("max_depth", 50);
    model.answer(answer(List.of(tooBig, config(0.02, 8), config(0.2, 3), config(0.07, 6))));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertEquals(0.3, proposal.configs().get(0).params().get("eta"));
    assertEquals(12L, proposal.configs().get(0).params().get("max_depth"));
    assertInfo(proposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void outOfRangeNumbersAreRejectedWhenSetToRejectAndRepaired() {
    Map<String, Object> tooBig = new LinkedHashMap<>(config(0.1, 5));
    tooBig.put("eta", 5.0);
    model.answer(answer(List.of(tooBig, config(0.02, 8), config(0.2, 3), config(0.07, 6))))
        .answer(answer(List.of(config(0.15, 7))));

    Proposal proposal = propose(new AnswerSettings(OutputFormat.JSON_SCHEMA, OutOfRange.REJECT), request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertEquals(config(0.15, 7), proposal.configs().get(3).params());
    assertInfo(proposal.info(), 2, 2, 1, 0);
    assertThat(model.lastUserTurn(), containsString("config 1: eta: 5.0 is outside [0.005, 0.3]"));
    assertThat(model.lastUserTurn(), containsString("exactly 1 NEW configuration(s)"));
  }

  @Test
  public void wrongTypesAreCoercedOrRejected() {
    Map<String, Object> strings = new LinkedHashMap<>(config(0.1, 5));
    strings.put("eta", "0.1");
    strings.put("max_depth", "5");
    strings.put("grow_policy", "LOSSGUIDE");
    Map<String, Object> floatDepth = new LinkedHashMap<>(config(0.02, 8));
    floatDepth.put("max_depth", 8.0);
    Map<String, Object> wordDepth = new LinkedHashMap<>(config(0.2, 3));
    wordDepth.put("max_depth", "deep");
    Map<String, Object> unknownCategory = new LinkedHashMap<>(config(0.07, 6));
    unknownCategory.put("grow_policy", "oblivious");
    model.answer(answer(List.of(strings, floatDepth, wordDepth, unknownCategory)))
        .answer(answer(List.of(config(0.2, 3), config(0.07, 6))));

    Proposal proposal = propose(request);
    List<ProposedConfig> batch = proposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(0.1, batch.get(0).params().get("eta"));
    assertEquals(5L, batch.get(0).params().get("max_depth"));
    assertEquals("lossguide", batch.get(0).params().get("grow_policy"));
    assertEquals(8L, batch.get(1).params().get("max_depth"));
    assertInfo(proposal.info(), 2, 2, 1, 0);
    assertThat(model.lastUserTurn(), containsString("config 3: max_depth: 'deep' is not a number"));
    assertThat(model.lastUserTurn(), containsString("config 4: grow_policy: 'oblivious' is not one of"));
  }

  @Test
  public void unknownParametersAreDroppedAndMissingOnesDefaulted() {
    Map<String, Object> extra = new LinkedHashMap<>(config(0.1, 5));
    extra.put("booster", "dart");
    extra.put("n_estimators", 500);
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("eta", 0.02);
    partial.put("max_depth", 8);
    model.answer(answer(List.of(extra, partial, config(0.2, 3), config(0.07, 6))));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertEquals(config(0.1, 5), proposal.configs().get(0).params());
    assertEquals(config(0.02, 8), proposal.configs().get(1).params());
    assertInfo(proposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void duplicatesWithinTheAnswerAndOfTheHistoryAreRefused() {
    Map<String, Object> fromHistory = smallHistory().get(1).getTrial().getParams();
    model.answer(answer(List.of(config(0.1, 5), config(0.1, 5), fromHistory, config(0.2, 3))))
        .answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.07, 6))));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertInfo(proposal.info(), 2, 2, 1, 0);
    assertThat(model.lastUserTurn(), containsString("config 2: same configuration as config 1 of answer 1"));
    assertThat(model.lastUserTurn(), containsString("config 3: same configuration as trial 1 in the history"));
  }

  @Test
  public void tooFewConfigsAreRepairedThenFilledByTpe() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8)))).answer(answer(List.of(config(0.2, 3))));

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 3, 1);
    assertInfo(proposal.info(), 2, 2, 1, 1);
    assertEquals(Map.of("llm_calls", 2L, "llm_fallbacks", 1L), proposal.counts());
    assertThat(model.lastUserTurn(), containsString("the answer held 2 configuration(s), 4 were asked for"));
  }

  @Test
  public void aRepairPastTheRoundTimeoutKeepsTheFirstAnswerAndTpeFillsTheRest() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8))))
        .slowAnswer(Duration.ofSeconds(30), answer(List.of(config(0.2, 3), config(0.07, 6))));
    LlmSettings settings = Studies.settings(Studies.ANSWERS, Studies.NO_CACHE, 0.5, Duration.ofSeconds(1));

    long start = System.nanoTime();
    Proposal proposal = LlmProposer.create(settings, model.source(), new TpeProposer()).propose(request);

    assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), lessThan(4000L));
    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 2, 2);
    assertInfo(proposal.info(), 2, 1, 1, 2);
    assertTrue("the abandoned request was interrupted", model.awaitInterrupted(Duration.ofSeconds(5)));
  }

  @Test
  public void emptyAnswersFallBackToTpe() {
    model.answer("").answer("");

    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertInfo(proposal.info(), 2, 2, 1, 4);
    assertThat(model.lastUserTurn(), containsString("the answer was empty"));
  }

  @Test
  public void aFailingModelLeavesTheWholeBatchToTpe() {
    Proposal proposal = propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertInfo(proposal.info(), 1, 0, 0, 4);
    assertThat(model.requests(), hasSize(1));
  }

  @Test
  public void roundZeroAsksForADiverseBatchFromTheDataCardBesideTheDefaults() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3))));
    ProposalRequest first = Studies.firstBatch(3);

    Proposal proposal = propose(first);

    assertValidBatch(first, proposal.configs());
    assertLabels(proposal.configs(), 3, 0);
    String prompt = model.lastUserTurn();
    assertThat(prompt, containsString("There is no history yet"));
    assertThat(prompt, containsString("already in this batch as the baseline"));
    assertThat(prompt, containsString("Propose exactly 3 new configurations"));
    assertThat(prompt, containsString("workclass"));
    assertInfo(proposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void theDefaultsAreNeverProposedAgainInRoundZero() {
    model.answer(answer(List.of(Studies.SPACE.defaults(), config(0.02, 8)))).answer(answer(List.of(config(0.2, 3))));
    ProposalRequest first = Studies.firstBatch(2);

    List<ProposedConfig> batch = propose(first).configs();

    assertValidBatch(first, batch);
    assertThat(batch.stream().map(ProposedConfig::params).toList(), not(hasItem(Studies.SPACE.defaults())));
    assertThat(model.lastUserTurn(),
        containsString("config 1: same configuration as the defaults, already in this batch as the baseline"));
  }

  @Test
  public void otherPendingConfigurationsAreRefusedToo() {
    ProposedConfig pending = new ProposedConfig(config(0.1, 5), "tpe", "picked by another proposer");
    model.answer(answer(fourNewConfigs())).answer(answer(List.of(config(0.15, 7))));
    ProposalRequest withPending = request.plusPending(List.of(pending));

    List<ProposedConfig> batch = propose(withPending).configs();

    assertValidBatch(withPending, batch);
    assertThat(model.lastUserTurn(), containsString("config 1: same configuration as a configuration already in this"));
  }

  @Test
  public void noConfigurationsAskedForAsksNothing() {
    Proposal proposal = propose(request.withN(0));

    assertThat(proposal.configs(), hasSize(0));
    assertThat(model.requests(), hasSize(0));
    assertInfo(proposal.info(), 0, 0, 0, 0);
  }
}

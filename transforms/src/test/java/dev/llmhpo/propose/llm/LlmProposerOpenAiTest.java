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
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings.OutputFormat;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.space.OutOfRange;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The llm proposer against a scripted chat server speaking the OpenAI chat-completions API over real HTTP. */
public class LlmProposerOpenAiTest {
  private static final String KEY = "sk-test-key-0123456789";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final RetryPolicy RETRIES = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(2));

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private ScriptedChatServer server;
  private Path keyFile;
  private final ProposalRequest request = request(smallHistory(), 4);

  @Before
  public void start() throws IOException {
    server = ScriptedChatServer.openAi();
    keyFile = tmp.newFile("api-key").toPath();
    Files.writeString(keyFile, KEY + "\n");
  }

  @After
  public void stop() {
    server.close();
  }

  private EndpointSettings endpoint(String baseUrl, Duration timeout) {
    return new EndpointSettings(
        Provider.OPENAI, baseUrl, "scripted-model", "OPENAI_API_KEY", keyFile.toString(), 0.7, 2048, timeout);
  }

  private LlmSettings settings() {
    return settings(Studies.ANSWERS);
  }

  private LlmSettings settings(AnswerSettings answer) {
    return settings(endpoint(server.baseUrl(), TIMEOUT), RETRIES, answer);
  }

  private static LlmSettings settings(EndpointSettings endpoint, RetryPolicy retry, AnswerSettings answer) {
    return new LlmSettings(endpoint, retry, PromptSettings.of(8000), answer, Studies.NO_CACHE, 0.5);
  }

  private static Proposer proposer(LlmSettings settings) {
    return LlmProposer.create(settings, ChatModelFactory::create, new TpeProposer());
  }

  private static void assertInfo(ProposalInfo info, int requests, int answers, int repairs, int fallbacks) {
    assertEquals("requests", requests, info.getLlmCalls());
    assertEquals("prompt tokens", answers * (long) ScriptedChatServer.PROMPT_TOKENS, info.getPromptTokens());
    assertEquals("completion tokens", answers * (long) ScriptedChatServer.COMPLETION_TOKENS,
        info.getCompletionTokens());
    assertEquals("repairs", repairs, info.getRepairs());
    assertEquals("fallbacks", fallbacks, info.getFallbacks());
    assertEquals("cache hits", 0, info.getCacheHits());
  }

  /** The user turn of the last request: the repair request when there was one. */
  private String lastUserTurn() {
    JsonNode messages = server.requests().get(server.requests().size() - 1).json().get("messages");
    return messages.get(messages.size() - 1).get("content").asText();
  }

  @Test
  public void goodAnswerGivesTheBatchInOneRequest() {
    server.answer(answer(fourNewConfigs()));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(fourNewConfigs().get(0), batch.get(0).params());
    assertEquals("Config 1 probes a new region.", batch.get(0).rationale());
    ProposalInfo info = proposerProposal.info();
    assertInfo(info, 1, 1, 0, 0);
    assertEquals("Lower eta with moderate depth scored best so far.", info.getAnalysis());

    ScriptedChatServer.Recorded sent = server.requests().get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer " + KEY, sent.header("Authorization"));
    JsonNode body = sent.json();
    assertEquals("scripted-model", body.get("model").asText());
    assertEquals("json_schema", body.at("/response_format/type").asText());
    assertEquals("proposals", body.at("/response_format/json_schema/name").asText());
    assertTrue(body.at("/response_format/json_schema/schema/properties/configs/items/properties/params/properties")
        .has("max_depth"));
    assertEquals("system", body.at("/messages/0/role").asText());
    assertEquals("user", body.at("/messages/1/role").asText());
    assertThat(body.at("/messages/1/content").asText(), containsString("Propose exactly 4 new configurations"));
  }

  @Test
  public void jsonModeAsksForAJsonObject() {
    server.answer(answer(fourNewConfigs()));
    proposer(settings(new AnswerSettings(OutputFormat.JSON_MODE, OutOfRange.CLIP))).propose(request);

    assertEquals("json_object", server.requests().get(0).json().at("/response_format/type").asText());
  }

  @Test
  public void brokenJsonIsRepairedOnce() {
    server.answer("{\"configs\": [{\"params\": {\"eta\": 0.1, \"max_depth\":")
        .answer(answer(fourNewConfigs()));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertInfo(proposerProposal.info(), 2, 2, 1, 0);
    JsonNode messages = server.requests().get(1).json().get("messages");
    assertEquals("the repair replays the broken answer", "assistant", messages.get(2).get("role").asText());
    assertThat(lastUserTurn(), containsString("no JSON object with a \"configs\" array"));
    assertThat(lastUserTurn(), containsString("exactly 4 NEW configuration(s)"));
  }

  @Test
  public void proseAndCodeFencesAroundTheJsonAreIgnored() {
    String json = answer(fourNewConfigs());
    String trailingComma = json.substring(0, json.length() - 2) + ",]}";
    server.answer("Sure {happy to help}! Here you go:\n```json\n" + trailingComma + "\n```\nGood luck {with it}.");
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertInfo(proposerProposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void outOfRangeNumbersAreClippedByDefault() {
    Map<String, Object> tooBig = new LinkedHashMap<>(config(0.1, 5));
    tooBig.put("eta", 5.0);
    tooBig.put("max_depth", 50);
    server.answer(answer(List.of(tooBig, config(0.02, 8), config(0.2, 3), config(0.07, 6))));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(0.3, batch.get(0).params().get("eta"));
    assertEquals(12L, batch.get(0).params().get("max_depth"));
    assertInfo(proposerProposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void outOfRangeNumbersAreRejectedWhenSetToRejectAndRepaired() {
    Map<String, Object> tooBig = new LinkedHashMap<>(config(0.1, 5));
    tooBig.put("eta", 5.0);
    server.answer(answer(List.of(tooBig, config(0.02, 8), config(0.2, 3), config(0.07, 6))))
        .answer(answer(List.of(config(0.15, 7))));
    Proposer proposer = proposer(settings(new AnswerSettings(OutputFormat.JSON_SCHEMA, OutOfRange.REJECT)));

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(config(0.15, 7), batch.get(3).params());
    assertInfo(proposerProposal.info(), 2, 2, 1, 0);
    assertThat(lastUserTurn(), containsString("config 1: eta: 5.0 is outside [0.005, 0.3]"));
    assertThat(lastUserTurn(), containsString("exactly 1 NEW configuration(s)"));
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
    server.answer(answer(List.of(strings, floatDepth, wordDepth, unknownCategory)))
        .answer(answer(List.of(config(0.2, 3), config(0.07, 6))));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(0.1, batch.get(0).params().get("eta"));
    assertEquals(5L, batch.get(0).params().get("max_depth"));
    assertEquals("lossguide", batch.get(0).params().get("grow_policy"));
    assertEquals(8L, batch.get(1).params().get("max_depth"));
    assertInfo(proposerProposal.info(), 2, 2, 1, 0);
    assertThat(lastUserTurn(), containsString("config 3: max_depth: 'deep' is not a number"));
    assertThat(lastUserTurn(), containsString("config 4: grow_policy: 'oblivious' is not one of"));
  }

  @Test
  public void unknownParametersAreDroppedAndMissingOnesDefaulted() {
    Map<String, Object> extra = new LinkedHashMap<>(config(0.1, 5));
    extra.put("booster", "dart");
    extra.put("n_estimators", 500);
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("eta", 0.02);
    partial.put("max_depth", 8);
    server.answer(answer(List.of(extra, partial, config(0.2, 3), config(0.07, 6))));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertEquals(config(0.1, 5), batch.get(0).params());
    assertEquals(config(0.02, 8), batch.get(1).params());
    assertInfo(proposerProposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void duplicatesWithinTheAnswerAndOfTheHistoryAreRefused() {
    Map<String, Object> fromHistory = smallHistory().get(1).getTrial().getParams();
    server.answer(answer(List.of(config(0.1, 5), config(0.1, 5), fromHistory, config(0.2, 3))))
        .answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.07, 6))));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertInfo(proposerProposal.info(), 2, 2, 1, 0);
    assertThat(lastUserTurn(), containsString("config 2: same configuration as config 1 of answer 1"));
    assertThat(lastUserTurn(), containsString("config 3: same configuration as trial 1 in the history"));
  }

  @Test
  public void tooFewConfigsAreRepairedThenFilledByTpe() {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8))))
        .answer(answer(List.of(config(0.2, 3))));
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 3, 1);
    assertInfo(proposerProposal.info(), 2, 2, 1, 1);
    assertThat(lastUserTurn(), containsString("the answer held 2 configuration(s), 4 were asked for"));
  }

  @Test
  public void emptyAnswersFallBackToTpe() {
    server.answer("").answer("");
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertInfo(proposerProposal.info(), 2, 2, 1, 4);
    assertThat(lastUserTurn(), containsString("the answer was empty"));
  }

  @Test
  public void slowAnswersPastTheTimeoutAreRetriedThenFallBackToTpe() {
    server.slowAnswer(Duration.ofSeconds(3), answer(fourNewConfigs()))
        .slowAnswer(Duration.ofSeconds(3), answer(fourNewConfigs()));
    Proposer proposer = proposer(settings(endpoint(server.baseUrl(), Duration.ofMillis(300)),
        new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(2)), Studies.ANSWERS));

    long start = System.nanoTime();
    Proposal proposerProposal = proposer.propose(request);
    List<ProposedConfig> batch = proposerProposal.configs();

    assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), lessThan(2500L));
    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertInfo(proposerProposal.info(), 2, 0, 0, 4);
  }

  @Test
  public void rateLimitHonoursRetryAfterThenSucceeds() {
    server.fail(429, Map.of("Retry-After", "1"), "{\"error\":{\"message\":\"slow down\"}}")
        .answer(answer(fourNewConfigs()));
    Proposer proposer = proposer(settings());

    long start = System.nanoTime();
    Proposal proposerProposal = proposer.propose(request);
    List<ProposedConfig> batch = proposerProposal.configs();

    assertThat("waited as Retry-After asked, not the 10 ms backoff",
        Duration.ofNanos(System.nanoTime() - start).toMillis(), greaterThanOrEqualTo(1000L));
    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    assertInfo(proposerProposal.info(), 2, 1, 0, 0);
  }

  @Test
  public void retryAfterIsCappedByMaxRetryWait() {
    server.fail(429, Map.of("Retry-After", "3600"), "{}").answer(answer(fourNewConfigs()));
    Proposer proposer = proposer(settings(endpoint(server.baseUrl(), TIMEOUT),
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100)), Studies.ANSWERS));

    long start = System.nanoTime();
    Proposal proposerProposal = proposer.propose(request);
    List<ProposedConfig> batch = proposerProposal.configs();

    assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), lessThan(3000L));
    assertLabels(batch, 4, 0);
  }

  @Test
  public void serverErrorsAreRetriedThenFallBackToTpe() {
    server.always(500, "{\"error\":\"boom\"}");
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertInfo(proposerProposal.info(), 3, 0, 0, 4);
    assertThat(server.requests(), hasSize(3));
  }

  @Test
  public void authenticationFailureIsNotRetried() {
    server.always(401, "{\"error\":\"bad key\"}");
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertLabels(batch, 0, 4);
    assertInfo(proposerProposal.info(), 1, 0, 0, 4);
  }

  @Test
  public void refusedConnectionsAreRetriedThenFallBackToTpe() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EndpointSettings closed = endpoint("http://127.0.0.1:" + closedPort + "/v1", TIMEOUT);
    Proposer proposer = proposer(settings(closed, RETRIES, Studies.ANSWERS));

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertInfo(proposerProposal.info(), 3, 0, 0, 4);
  }

  @Test
  public void roundZeroAsksForADiverseBatchFromTheDataCardBesideTheDefaults() {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3))));
    ProposalRequest first = Studies.firstBatch(3);
    Proposer proposer = proposer(settings());

    Proposal proposerProposal = proposer.propose(first);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(first, batch);
    assertLabels(batch, 3, 0);
    String prompt = server.requests().get(0).json().at("/messages/1/content").asText();
    assertThat(prompt, containsString("There is no history yet"));
    assertThat(prompt, containsString("already in this batch as the baseline"));
    assertThat(prompt, containsString("Propose exactly 3 new configurations"));
    assertThat(prompt, containsString("workclass"));
    assertInfo(proposerProposal.info(), 1, 1, 0, 0);
  }

  @Test
  public void theDefaultsAreNeverProposedAgainInRoundZero() {
    server.answer(answer(List.of(Studies.SPACE.defaults(), config(0.02, 8))));
    server.answer(answer(List.of(config(0.2, 3))));
    ProposalRequest first = Studies.firstBatch(2);

    List<ProposedConfig> batch = proposer(settings()).propose(first).configs();

    assertValidBatch(first, batch);
    assertThat(batch.stream().map(ProposedConfig::params).toList(), not(hasItem(Studies.SPACE.defaults())));
  }
}

package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.fourNewConfigs;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.guard.AnswerSettings.OutputFormat;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.space.OutOfRange;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The llm proposer over real HTTP to a scripted server speaking the OpenAI chat-completions API: the dialect,
 * timeouts, rate limits, retries and refused connections. What it does with the answers is LlmProposerTest's.
 */
public class LlmProposerOpenAiTest {
  private static final String KEY = "sk-test-key-0123456789";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ROUND = Duration.ofSeconds(60);
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
    return endpoint(baseUrl, timeout, ROUND);
  }

  private EndpointSettings endpoint(String baseUrl, Duration timeout, Duration round) {
    return new EndpointSettings(
        Provider.OPENAI, baseUrl, "scripted-model", "OPENAI_API_KEY", keyFile.toString(), 0.7, 2048, timeout, round);
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

  @Test
  public void speaksTheChatCompletionsDialect() {
    server.answer(answer(fourNewConfigs()));

    Proposal proposal = proposer(settings()).propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 4, 0);
    assertInfo(proposal.info(), 1, 1, 0, 0);
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
  public void theTimeoutCapsTheWholeRequestNotJustTheHeaders() throws InterruptedException {
    server.dripAnswer(Duration.ofSeconds(20), answer(fourNewConfigs()));
    Proposer proposer = proposer(settings(endpoint(server.baseUrl(), Duration.ofSeconds(1)),
        new RetryPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(2)), Studies.ANSWERS));

    long start = System.nanoTime();
    Proposal proposal = proposer.propose(request);

    assertThat("one byte every 200 ms for 20 s, cut at the 1 s timeout",
        Duration.ofNanos(System.nanoTime() - start).toMillis(), lessThan(5000L));
    assertTrue("the connection was closed, not left dripping", server.awaitHangUp(Duration.ofSeconds(5)));
    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertInfo(proposal.info(), 1, 0, 0, 4);
  }

  @Test
  public void theRoundTimeoutEndsTheRetriesAndTpeTakesOver() {
    server.alwaysSlow(Duration.ofSeconds(30), answer(fourNewConfigs()));
    Proposer proposer = proposer(settings(endpoint(server.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(2500)),
        new RetryPolicy(10, Duration.ofMillis(10), Duration.ofSeconds(2)), Studies.ANSWERS));

    long start = System.nanoTime();
    Proposal proposal = proposer.propose(request);

    assertThat("11 requests of 1 s each were allowed, the round's 2.5 s were not",
        Duration.ofNanos(System.nanoTime() - start).toMillis(), both(greaterThanOrEqualTo(2400L)).and(lessThan(4000L)));
    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertEquals(4, proposal.info().getFallbacks());
    assertThat(proposal.info().getLlmCalls(), both(greaterThanOrEqualTo(2)).and(lessThanOrEqualTo(3)));
  }

  @Test
  public void theRoundTimeoutCutsARequestInFlightAndClosesItsConnection() throws InterruptedException {
    server.dripAnswer(Duration.ofSeconds(30), answer(fourNewConfigs()));
    Proposer proposer = proposer(settings(endpoint(server.baseUrl(), Duration.ofSeconds(20), Duration.ofMillis(1500)),
        RETRIES, Studies.ANSWERS));

    long start = System.nanoTime();
    Proposal proposal = proposer.propose(request);

    assertThat("cut at the round's 1.5 s, long before the request's 20 s",
        Duration.ofNanos(System.nanoTime() - start).toMillis(), both(greaterThanOrEqualTo(1400L)).and(lessThan(4000L)));
    assertTrue("the abandoned request's connection was closed", server.awaitHangUp(Duration.ofSeconds(5)));
    assertTrue("and its thread ended", noRequestThreadLeftWithin(Duration.ofSeconds(5)));
    assertLabels(proposal.configs(), 0, 4);
    assertInfo(proposal.info(), 1, 0, 0, 4);
  }

  /** Whether every thread running a chat request ({@code chat-request}) has ended within {@code wait}. */
  private static boolean noRequestThreadLeftWithin(Duration wait) throws InterruptedException {
    for (long end = System.nanoTime() + wait.toNanos(); System.nanoTime() < end; Thread.sleep(50)) {
      if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("chat-request"))) {
        return true;
      }
    }
    return false;
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
  public void htmlAnswersAreRepairedOnceAndNeverRetried() {
    server.alwaysRawOk("text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");

    Proposal proposal = proposer(settings()).propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertInfo(proposal.info(), 2, 0, 1, 4);
    assertThat("the answer and its repair, no retries", server.requests(), hasSize(2));
    assertThat(server.requests().get(1).body(), containsString("the answer was empty"));
  }

  @Test
  public void junkOrEmptyAnswersAreRepairedNotRetried() {
    for (String body : List.of("junk", "")) {
      server.rawOk("text/plain", body).answer(answer(fourNewConfigs()));
      int before = server.requests().size();

      Proposal proposal = proposer(settings()).propose(request);

      assertLabels(proposal.configs(), 4, 0);
      assertInfo(proposal.info(), 2, 1, 1, 0);
      assertThat("'" + body + "': the answer and its repair", server.requests(), hasSize(before + 2));
    }
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
}

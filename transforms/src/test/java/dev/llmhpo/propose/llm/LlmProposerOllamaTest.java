package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.fourNewConfigs;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
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
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The llm proposer against a scripted chat server speaking Ollama's chat API over real HTTP. */
public class LlmProposerOllamaTest {
  private ScriptedChatServer server;
  private final ProposalRequest request = request(smallHistory(), 4);

  @Before
  public void start() throws IOException {
    server = ScriptedChatServer.ollama();
  }

  @After
  public void stop() {
    server.close();
  }

  private Proposer proposer() {
    EndpointSettings endpoint = new EndpointSettings(
        Provider.OLLAMA, server.baseUrl(), "scripted-model", null, null, 0.2, 1000, Duration.ofSeconds(120),
        Duration.ofSeconds(360));
    LlmSettings settings = new LlmSettings(endpoint, new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(60)),
        PromptSettings.of(8000), Studies.ANSWERS, Studies.NO_CACHE, 0.5);
    return LlmProposer.create(settings, ChatModelFactory::create, new TpeProposer());
  }

  @Test
  public void goodAnswerOverOllamaChat() {
    server.answer(answer(fourNewConfigs()));
    Proposer proposer = proposer();

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 4, 0);
    ProposalInfo info = proposerProposal.info();
    assertEquals(1, info.getLlmCalls());
    assertEquals(ScriptedChatServer.PROMPT_TOKENS, info.getPromptTokens());
    assertEquals(ScriptedChatServer.COMPLETION_TOKENS, info.getCompletionTokens());

    ScriptedChatServer.Recorded sent = server.requests().get(0);
    assertEquals("/api/chat", sent.path());
    assertNull("Ollama gets no API key", sent.header("Authorization"));
    JsonNode body = sent.json();
    assertEquals("scripted-model", body.get("model").asText());
    assertEquals(0.2, body.at("/options/temperature").asDouble(), 1e-9);
    assertEquals(1000, body.at("/options/num_predict").asInt());
    assertTrue("the answer's schema is sent as format", body.at("/format/properties/configs").isObject());
  }

  @Test
  public void anHtmlAnswerIsRepairedNotRetried() {
    server.rawOk("text/html", "<html><body>Sign in to the Wi-Fi</body></html>").answer(answer(fourNewConfigs()));

    Proposal proposal = proposer().propose(request);

    assertLabels(proposal.configs(), 4, 0);
    assertEquals(2, proposal.info().getLlmCalls());
    assertEquals(1, proposal.info().getRepairs());
    assertEquals(0, proposal.info().getFallbacks());
  }

  @Test
  public void serverErrorsFallBackToTpe() {
    server.always(500, "{\"error\":\"model not loaded\"}");
    Proposer proposer = proposer();

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertEquals(2, proposerProposal.info().getLlmCalls());
    assertEquals(4, proposerProposal.info().getFallbacks());
  }
}

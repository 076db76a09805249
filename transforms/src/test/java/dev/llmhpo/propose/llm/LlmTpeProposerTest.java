package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The llm-tpe hybrid: a share of each batch from the chat model, the rest from TPE, all distinct. */
public class LlmTpeProposerTest {
  private ScriptedChatServer server;

  @Before
  public void start() throws IOException {
    server = ScriptedChatServer.ollama();
  }

  @After
  public void stop() {
    server.close();
  }

  private Proposer hybrid(double llmShare) {
    EndpointSettings endpoint = new EndpointSettings(
        Provider.OLLAMA, server.baseUrl(), "scripted-model", null, null, 0.7, 2048, Duration.ofSeconds(120));
    LlmSettings settings = new LlmSettings(endpoint, RetryPolicy.of(3), PromptSettings.of(8000), Studies.ANSWERS,
        Studies.NO_CACHE, llmShare);
    return LlmTpeProposer.create(settings, ChatModelFactory::create, new TpeProposer());
  }

  @Test
  public void halfFromTheChatModelHalfFromTpe() {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8))));
    ProposalRequest request = request(smallHistory(), 4);
    Proposer proposer = hybrid(0.5);

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertEquals("llm-tpe", proposer.name());
    assertValidBatch(request, batch);
    assertLabels(batch, 2, 2);
    assertEquals(1, proposerProposal.info().getLlmCalls());
    assertEquals(0, proposerProposal.info().getFallbacks());
  }

  @Test
  public void tpeHalfStepsAroundWhatTheChatModelAlreadyProposed() {
    ProposalRequest request = request(smallHistory(), 4);
    // The chat model's answer repeats the configuration TPE picks first for this history and seed.
    ProposedConfig tpeFirst = new TpeProposer().propose(request).configs().get(0);
    server.answer(answer(List.of(tpeFirst.params(), config(0.02, 8))));

    List<ProposedConfig> batch = hybrid(0.5).propose(request).configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 2, 2);
    assertEquals(tpeFirst.params(), batch.get(0).params());
  }

  @Test
  public void shareSetsTheSplit() {
    server.answer(answer(List.of(config(0.1, 5))));
    ProposalRequest request = request(smallHistory(), 4);

    List<ProposedConfig> batch = hybrid(0.25).propose(request).configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 1, 3);
  }

  @Test
  public void zeroShareNeverCallsTheEndpoint() {
    ProposalRequest request = request(smallHistory(), 4);
    Proposer proposer = hybrid(0);

    Proposal proposerProposal = proposer.propose(request);

    List<ProposedConfig> batch = proposerProposal.configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 0, 4);
    assertEquals(0, server.requests().size());
    assertNull(proposerProposal.info());
  }
}

package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.tpe.TpeProposer;
import java.util.List;
import org.junit.Test;

/** The llm-tpe hybrid: a share of each batch from the chat model, the rest from TPE, all distinct. */
public class LlmTpeProposerTest {
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ProposalRequest request = request(smallHistory(), 4);

  private Proposer hybrid(double llmShare) {
    LlmSettings settings = Studies.settings(Studies.ANSWERS, Studies.NO_CACHE, llmShare);
    return LlmTpeProposer.create(settings, model.source(), new TpeProposer());
  }

  @Test
  public void halfFromTheChatModelHalfFromTpe() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8))));
    Proposer proposer = hybrid(0.5);

    Proposal proposal = proposer.propose(request);

    assertEquals("llm-tpe", proposer.name());
    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 2, 2);
    assertEquals(1, proposal.info().getLlmCalls());
    assertEquals(0, proposal.info().getFallbacks());
  }

  @Test
  public void tpeHalfStepsAroundWhatTheChatModelAlreadyProposed() {
    // The chat model's answer repeats the configuration TPE picks first for this history and seed.
    ProposedConfig tpeFirst = new TpeProposer().propose(request).configs().get(0);
    model.answer(answer(List.of(tpeFirst.params(), config(0.02, 8))));

    List<ProposedConfig> batch = hybrid(0.5).propose(request).configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 2, 2);
    assertEquals(tpeFirst.params(), batch.get(0).params());
  }

  @Test
  public void shareSetsTheSplit() {
    model.answer(answer(List.of(config(0.1, 5))));

    List<ProposedConfig> batch = hybrid(0.25).propose(request).configs();

    assertValidBatch(request, batch);
    assertLabels(batch, 1, 3);
  }

  @Test
  public void zeroShareNeverCallsTheChatModel() {
    Proposal proposal = hybrid(0).propose(request);

    assertValidBatch(request, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertThat(model.requests(), hasSize(0));
    assertNull(proposal.info());
  }
}

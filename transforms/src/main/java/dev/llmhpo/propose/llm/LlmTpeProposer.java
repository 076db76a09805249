package dev.llmhpo.propose.llm;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.endpoint.ChatModelSource;
import java.util.ArrayList;
import java.util.List;

/**
 * SLLMBO's hybrid: each round a share of the batch comes from the chat model and the rest from TPE over the same
 * history, all distinct. Each configuration keeps the label of the proposer that made it.
 */
public final class LlmTpeProposer implements Proposer {
  public static final String NAME = "llm-tpe";

  private final LlmProposer llm;
  private final Proposer tpe;
  private final double llmShare;

  private LlmTpeProposer(LlmProposer llm, Proposer tpe, double llmShare) {
    this.llm = llm;
    this.tpe = tpe;
    this.llmShare = llmShare;
  }

  /** The hybrid of {@link LlmProposer#create} and {@code tpe}, which also fills what the chat model leaves. */
  public static LlmTpeProposer create(LlmSettings settings, ChatModelSource chatModels, Proposer tpe) {
    return new LlmTpeProposer(LlmProposer.create(settings, chatModels, tpe), tpe, settings.llmShare());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    int fromLlm = (int) Math.round(request.n() * llmShare);
    if (fromLlm == 0) {
      return tpe.propose(request);
    }
    Proposal llmPart = llm.propose(request.withN(fromLlm));
    List<ProposedConfig> batch = new ArrayList<>(llmPart.configs());
    if (fromLlm < request.n()) {
      batch.addAll(tpe.propose(request.withN(request.n() - fromLlm).plusPending(llmPart.configs())).configs());
    }
    return new Proposal(batch, llmPart.info(), llmPart.counts());
  }
}

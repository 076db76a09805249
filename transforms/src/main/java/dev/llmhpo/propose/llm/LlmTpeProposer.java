package dev.llmhpo.propose.llm;

import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.schema.ProposalInfo;
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
  private ProposalInfo lastInfo;

  LlmTpeProposer(LlmProposer llm, Proposer tpe, double llmShare) {
    this.llm = llm;
    this.tpe = tpe;
    this.llmShare = llmShare;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ProposedConfig> propose(ProposalRequest request) {
    int fromLlm = (int) Math.round(request.n() * llmShare);
    List<ProposedConfig> batch = new ArrayList<>();
    lastInfo = null;
    if (fromLlm > 0) {
      batch.addAll(llm.propose(new ProposalRequest(request.spec(), request.space(), request.history(), fromLlm,
          request.round(), request.seed(), request.dataCardJson())));
      lastInfo = llm.lastProposalInfo();
    }
    batch.addAll(DistinctFill.fill(tpe, request, batch, request.n() - fromLlm));
    return batch;
  }

  @Override
  public ProposalInfo lastProposalInfo() {
    return lastInfo;
  }
}

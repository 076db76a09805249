package dev.llmhpo.propose;

import dev.llmhpo.schema.ProposalInfo;
import java.util.List;

/**
 * Proposes the next configurations of a study from its history, like Optuna's {@code BaseSampler}.
 *
 * <p>A proposer is one class. It must return exactly {@code request.n()} configurations, each inside the space,
 * distinct from each other and from every configuration in the history, and be deterministic for a given
 * {@code request.seed()}. Instances are built on workers (they need not be serialisable).
 */
public interface Proposer {
  /** The name that labels every trial this proposer makes, for example {@code tpe}. */
  String name();

  List<ProposedConfig> propose(ProposalRequest request);

  /** What the last {@link #propose} call cost and concluded (LLM calls, tokens, analysis); null when nothing to say. */
  default ProposalInfo lastProposalInfo() {
    return null;
  }
}

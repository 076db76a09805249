package dev.llmhpo.propose;

/**
 * Proposes the next configurations of a study, like Optuna's {@code BaseSampler}.
 *
 * <p>A proposer is one class plus one line in the registry. It must return exactly {@code request.n()}
 * configurations, each inside the space, distinct from each other and from every configuration the request names as
 * taken ({@link ProposalRequest#taken()}: the history and the pending ones), and answer the same request the same
 * way. {@link ProposalBatch} keeps a batch distinct. Instances are built on workers (they need not be serialisable).
 */
public interface Proposer {
  /** The name that labels every trial this proposer makes, for example {@code tpe}. */
  String name();

  Proposal propose(ProposalRequest request);
}

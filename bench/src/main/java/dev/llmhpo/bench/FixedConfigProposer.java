package dev.llmhpo.bench;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmarks only: every trial is the same configuration (the space's defaults, with {@code overrides}), so every
 * trial has the same known cost. It breaks the proposer contract's rule that configurations be distinct, on
 * purpose, and is therefore not among the built-in proposers.
 */
final class FixedConfigProposer implements Proposer {
  static final String NAME = "fixed";

  private final Map<String, Object> overrides;

  FixedConfigProposer(Map<String, Object> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /** A serialisable factory of this proposer. */
  static ProposerFactory factory(Map<String, Object> overrides) {
    Map<String, Object> copy = new LinkedHashMap<>(overrides);
    return () -> new FixedConfigProposer(copy);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    Map<String, Object> params = new LinkedHashMap<>(request.space().defaults());
    params.putAll(overrides);
    return Proposal.of(
        Collections.nCopies(request.n(), new ProposedConfig(params, NAME, "benchmark: one fixed configuration")));
  }
}

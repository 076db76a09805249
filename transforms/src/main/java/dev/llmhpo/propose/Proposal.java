package dev.llmhpo.propose;

import dev.llmhpo.schema.ProposalInfo;
import java.util.List;
import java.util.Map;

/**
 * What a proposer answers: the configurations, what proposing them cost and concluded, and named counts.
 *
 * @param configs the proposed configurations, in order
 * @param info what this proposal cost and concluded (requests, tokens, the model's analysis), as the trial log
 *     stores it on the round's first trial; null when there is nothing to say
 * @param counts named counts of this proposal, for example {@code llm_calls}; each is added to the Beam counter of
 *     the same name in the {@code llm-hpo} namespace
 */
public record Proposal(List<ProposedConfig> configs, ProposalInfo info, Map<String, Long> counts) {
  public Proposal {
    configs = List.copyOf(configs);
    counts = Map.copyOf(counts);
  }

  /** Configurations with nothing else to report. */
  public static Proposal of(List<ProposedConfig> configs) {
    return new Proposal(configs, null, Map.of());
  }
}

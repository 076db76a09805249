package dev.llmhpo.propose.llm;

import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Tops a batch up with another proposer's configurations, none equal to one already in the batch. */
final class DistinctFill {
  private DistinctFill() {}

  /**
   * {@code count} configurations from {@code proposer} for the same history and seed, distinct from {@code batch}.
   * The proposer already avoids the history; asking it for {@code batch.size()} extra leaves enough after the
   * ones that collide with the batch are dropped.
   */
  static List<ProposedConfig> fill(Proposer proposer, ProposalRequest request, List<ProposedConfig> batch, int count) {
    if (count == 0) {
      return List.of();
    }
    SearchSpace space = request.space();
    Set<String> taken = new HashSet<>();
    batch.forEach(c -> taken.add(space.canonicalKey(c.params())));
    ProposalRequest larger = new ProposalRequest(request.spec(), space, request.history(), count + batch.size(),
        request.round(), request.seed(), request.dataCardJson());
    List<ProposedConfig> out = new ArrayList<>();
    for (ProposedConfig c : proposer.propose(larger)) {
      if (out.size() < count && taken.add(space.canonicalKey(c.params()))) {
        out.add(c);
      }
    }
    if (out.size() < count) {
      throw new IllegalStateException(proposer.name() + " returned " + out.size() + " new configurations, "
          + count + " were needed");
    }
    return out;
  }
}

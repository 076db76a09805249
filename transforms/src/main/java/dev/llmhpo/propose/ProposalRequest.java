package dev.llmhpo.propose;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a proposer gets each round.
 *
 * @param objective what the study optimises
 * @param space the study's search space
 * @param history every result so far (COMPLETE and FAILED), sorted by trial id
 * @param pending configurations already in this batch, without a result yet: a study's first batch holds XGBoost's
 *     defaults, the baseline every proposer is measured against; a proposer must not propose them again
 * @param n how many configurations to return
 * @param round the 0-based round the configurations are for
 * @param seed the seed for this round; the same request and seed give the same answer
 * @param dataCardJson the data card as JSON (rows, columns, types, missing shares, class balance)
 * @param budget what the study may still spend
 */
public record ProposalRequest(
    Objective objective,
    SearchSpace space,
    List<TrialResult> history,
    List<ProposedConfig> pending,
    int n,
    int round,
    long seed,
    String dataCardJson,
    TrialBudget budget) {
  public ProposalRequest {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(budget, "budget");
    history = List.copyOf(history);
    pending = List.copyOf(pending);
    if (n < 0) {
      throw new IllegalArgumentException("cannot propose " + n + " configurations");
    }
  }

  /** Every configuration a proposer must not return: the history's, then the pending ones. */
  public List<Map<String, Object>> taken() {
    List<Map<String, Object>> taken = new ArrayList<>(history.size() + pending.size());
    history.forEach(result -> taken.add(result.getTrial().getParams()));
    pending.forEach(config -> taken.add(config.params()));
    return taken;
  }

  /** The same request for {@code count} configurations. */
  public ProposalRequest withN(int count) {
    return new ProposalRequest(objective, space, history, pending, count, round, seed, dataCardJson, budget);
  }

  /** The same request with {@code more} pending too, say a batch's share another proposer already filled. */
  public ProposalRequest plusPending(List<ProposedConfig> more) {
    List<ProposedConfig> all = new ArrayList<>(pending);
    all.addAll(more);
    return new ProposalRequest(objective, space, history, all, n, round, seed, dataCardJson, budget);
  }
}

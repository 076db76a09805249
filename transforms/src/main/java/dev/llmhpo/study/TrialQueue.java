package dev.llmhpo.study;

import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Configurations a study trains before its proposer's, in order, as Optuna's {@code enqueue_trial}: those of
 * {@code --enqueue} (proposer {@link #ENQUEUED}) and the start-up portfolio ({@link #PORTFOLIO}). Each round takes
 * the next ones not yet tried, so a resumed study does not train again what its trial log holds.
 */
public record TrialQueue(List<ProposedConfig> configs) implements Serializable {
  /** The proposer name of the configurations of {@code --enqueue}. */
  public static final String ENQUEUED = "enqueued";
  /** The proposer name of the start-up portfolio's configurations. */
  public static final String PORTFOLIO = "portfolio";

  public static final TrialQueue EMPTY = new TrialQueue(List.of());

  public TrialQueue {
    List<ProposedConfig> copies = new ArrayList<>();
    for (ProposedConfig config : configs) {
      copies.add(new ProposedConfig(
          Collections.unmodifiableMap(new LinkedHashMap<>(config.params())), config.proposer(), config.rationale()));
    }
    configs = List.copyOf(copies);
  }

  /**
   * The next batch's share of the queue: in queue order, at most {@code room} configurations that are neither in
   * the history (any proposer's, failed ones included) nor already in the batch ({@code pending}), nor repeat one
   * another, as {@link SearchSpace#canonicalKey} tells them apart.
   */
  public List<ProposedConfig> next(
      SearchSpace space, List<TrialResult> history, List<ProposedConfig> pending, int room) {
    Set<String> tried = new HashSet<>();
    history.forEach(result -> tried.add(space.canonicalKey(result.getTrial().getParams())));
    pending.forEach(config -> tried.add(space.canonicalKey(config.params())));
    List<ProposedConfig> next = new ArrayList<>();
    for (ProposedConfig config : configs) {
      if (next.size() >= room) {
        break;
      }
      if (tried.add(space.canonicalKey(config.params()))) {
        next.add(config);
      }
    }
    return next;
  }
}

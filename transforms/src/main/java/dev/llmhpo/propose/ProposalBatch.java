package dev.llmhpo.propose;

import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The configurations of one proposal as a proposer picks them; keeps them distinct from each other and from every
 * configuration the request names as taken (history and pending), by {@link SearchSpace#canonicalKey}.
 */
public final class ProposalBatch {
  /** Draws a sampler gets to find a new configuration before the space counts as used up. */
  public static final int MAX_ATTEMPTS = 1000;

  private final SearchSpace space;
  private final String proposer;
  private final int size;
  private final Set<String> seen = new HashSet<>();
  private final List<ProposedConfig> configs = new ArrayList<>();

  /** An empty batch of {@code request.n()} configurations, each labelled {@code proposer}. */
  public ProposalBatch(ProposalRequest request, String proposer) {
    this.space = request.space();
    this.proposer = proposer;
    this.size = request.n();
    request.taken().forEach(config -> seen.add(space.canonicalKey(config)));
  }

  /** Adds the first configuration the sampler draws that is new, trying at most {@code attempts} draws. */
  public Optional<Map<String, Object>> addFirstNew(Supplier<Map<String, Object>> sampler, int attempts, String rationale) {
    for (int i = 0; i < attempts; i++) {
      Map<String, Object> config = sampler.get();
      if (add(config, rationale)) {
        return Optional.of(config);
      }
    }
    return Optional.empty();
  }

  /** As {@link #addFirstNew} with {@link #MAX_ATTEMPTS}; IllegalStateException when every draw was taken. */
  public Map<String, Object> addFirstNewOrFail(Supplier<Map<String, Object>> sampler, String rationale) {
    return addFirstNew(sampler, MAX_ATTEMPTS, rationale)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    proposer + " found only " + configs.size() + " of " + size + " new configurations in "
                        + MAX_ATTEMPTS + " draws; the search space is too small for this study"));
  }

  public boolean isFull() {
    return configs.size() >= size;
  }

  public List<ProposedConfig> configs() {
    return List.copyOf(configs);
  }

  private boolean add(Map<String, Object> config, String rationale) {
    if (!seen.add(space.canonicalKey(config))) {
      return false;
    }
    configs.add(new ProposedConfig(Collections.unmodifiableMap(new LinkedHashMap<>(config)), proposer, rationale));
    return true;
  }
}

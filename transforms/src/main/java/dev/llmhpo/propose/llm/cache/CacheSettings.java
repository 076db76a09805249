package dev.llmhpo.propose.llm.cache;

import java.io.Serializable;
import java.util.Objects;

/**
 * Whether chat answers are recorded to or replayed from a folder.
 *
 * @param mode what the cache does
 * @param dir the cache's folder; required unless {@code mode} is OFF
 */
public record CacheSettings(CacheMode mode, String dir) implements Serializable {
  /** What the response cache does. */
  public enum CacheMode {
    OFF,
    /** Answer from the cache when it holds the question, else ask the endpoint and store the answer. */
    RECORD,
    /** Answer from the cache only; a miss goes to the fallback proposer, never to the endpoint. */
    REPLAY
  }

  public CacheSettings {
    Objects.requireNonNull(mode, "mode");
    if (mode != CacheMode.OFF && (dir == null || dir.isBlank())) {
      throw new IllegalArgumentException("cache mode " + mode + " needs a folder");
    }
  }
}

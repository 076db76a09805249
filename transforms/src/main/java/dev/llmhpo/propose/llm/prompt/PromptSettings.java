package dev.llmhpo.propose.llm.prompt;

import java.io.Serializable;

/**
 * How large a prompt may grow.
 *
 * @param tokenCap the prompt's size bound in estimated tokens (characters / 4); history is trimmed first
 * @param historyBest when the history is trimmed, how many best trials it keeps
 * @param historyRecent when the history is trimmed, how many most recent trials it keeps
 */
public record PromptSettings(int tokenCap, int historyBest, int historyRecent) implements Serializable {
  public PromptSettings {
    if (tokenCap <= 0 || historyBest < 1 || historyRecent < 0) {
      throw new IllegalArgumentException("tokenCap must be > 0, historyBest >= 1 and historyRecent >= 0");
    }
  }

  /** A cap of {@code tokenCap}, trimming the history to its best 20 and most recent 10 trials. */
  public static PromptSettings of(int tokenCap) {
    return new PromptSettings(tokenCap, 20, 10);
  }
}

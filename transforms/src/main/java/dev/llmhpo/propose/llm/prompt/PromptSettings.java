package dev.llmhpo.propose.llm.prompt;

import java.io.Serializable;

/**
 * How large a prompt may grow, and what its history shows.
 *
 * @param tokenCap the prompt's size bound in estimated tokens (characters / 4); history is trimmed first
 * @param historyBest when the history is trimmed, how many best trials it keeps
 * @param historyRecent when the history is trimmed, how many most recent trials it keeps
 * @param shuffledFeedback the history shows the completed trials' results permuted among them, seeded by the
 *     request's seed and round: a control arm, to see whether the chat model uses the feedback at all
 */
public record PromptSettings(int tokenCap, int historyBest, int historyRecent, boolean shuffledFeedback)
    implements Serializable {
  public PromptSettings {
    if (tokenCap <= 0 || historyBest < 1 || historyRecent < 0) {
      throw new IllegalArgumentException("tokenCap must be > 0, historyBest >= 1 and historyRecent >= 0");
    }
  }

  /** A cap of {@code tokenCap}, trimming the history to its best 20 and most recent 10 trials, unshuffled. */
  public static PromptSettings of(int tokenCap) {
    return new PromptSettings(tokenCap, 20, 10, false);
  }

  public PromptSettings withShuffledFeedback(boolean shuffled) {
    return new PromptSettings(tokenCap, historyBest, historyRecent, shuffled);
  }
}

package dev.llmhpo.propose.llm.prompt;

import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The control for a chat model's use of feedback: the history with the results of its scored trials permuted among
 * them, each trial's value and metrics moved together; configurations, order and unscored trials stay as they are.
 */
final class ShuffledFeedback {
  private ShuffledFeedback() {}

  /** The same {@code seed} and {@code round} give the same permutation. */
  static List<TrialResult> permute(List<TrialResult> history, long seed, int round) {
    List<Integer> scored = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      if (HistoryTable.isScored(history.get(i))) {
        scored.add(i);
      }
    }
    // A uniform shuffle, fixed points allowed: forbidding them would pair configurations with other results than
    // their own more often than chance, which is feedback of its own.
    List<Integer> source = new ArrayList<>(scored);
    SplittableRandom random = new SplittableRandom(seed ^ (round * 0x9E3779B97F4A7C15L));
    for (int i = source.size() - 1; i > 0; i--) {
      Collections.swap(source, i, random.nextInt(i + 1));
    }
    List<TrialResult> shown = new ArrayList<>(history);
    for (int i = 0; i < scored.size(); i++) {
      TrialResult result = history.get(source.get(i));
      shown.set(scored.get(i), TrialResult.newBuilder(history.get(scored.get(i)))
          .setValue(result.getValue()).setMetrics(result.getMetrics()).build());
    }
    return shown;
  }
}

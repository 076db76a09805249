package dev.llmhpo.propose.llm.prompt;

import static dev.llmhpo.propose.llm.Studies.complete;
import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.failed;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ShuffledFeedbackTest {
  /** Six scored trials whose auc is their value and logloss 1 - value, then a failed one. */
  private static List<TrialResult> history() {
    List<TrialResult> history = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double value = 0.90 + i * 0.01;
      history.add(TrialResult.newBuilder(complete(i, config(0.01 + i * 0.05, 2 + i), value))
          .setMetrics(Map.of("auc", value, "logloss", 1 - value)).build());
    }
    history.add(failed(6, config(0.25, 12), "XGBoostError: out of memory"));
    return history;
  }

  private static List<Double> sortedValues(List<TrialResult> history) {
    return history.stream().filter(HistoryTable::isScored).map(TrialResult::getValue).sorted().toList();
  }

  @Test
  public void eachResultMovesAsABlockAmongTheScoredTrials() {
    List<TrialResult> history = history();

    List<TrialResult> shown = ShuffledFeedback.permute(history, 42L, 1);

    assertEquals(history.size(), shown.size());
    for (int i = 0; i < history.size(); i++) {
      assertEquals("same trial in the same place", history.get(i).getTrial(), shown.get(i).getTrial());
    }
    for (TrialResult r : shown.subList(0, 6)) {
      assertEquals("the metrics travel with their value", r.getValue(), r.getMetrics().get("auc"));
      assertEquals(1 - r.getValue(), r.getMetrics().get("logloss"), 1e-12);
    }
    assertEquals(sortedValues(history), sortedValues(shown));
    assertNotEquals(history.stream().map(TrialResult::getValue).toList(),
        shown.stream().map(TrialResult::getValue).toList());
    assertEquals("a failed trial stays as it is", history.get(6), shown.get(6));
    assertEquals("the history itself is untouched", history(), history);
  }

  @Test
  public void theSameSeedAndRoundGiveTheSamePermutation() {
    assertEquals(ShuffledFeedback.permute(history(), 42L, 1), ShuffledFeedback.permute(history(), 42L, 1));
    assertNotEquals(ShuffledFeedback.permute(history(), 42L, 1), ShuffledFeedback.permute(history(), 42L, 2));
  }
}

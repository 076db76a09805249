package dev.llmhpo.history;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the best COMPLETE trial by its value in the study's direction; ties go to the earlier trial. */
public final class BestTrial {
  private BestTrial() {}

  public static Optional<TrialResult> of(List<TrialResult> results, Direction direction) {
    Comparator<TrialResult> byValue = Comparator.comparingDouble(TrialResult::getValue);
    if (direction == Direction.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    return results.stream()
        .filter(r -> r.getStatus() == TrialStatus.COMPLETE && r.getValue() != null && !r.getValue().isNaN())
        .min(byValue.thenComparingInt(r -> r.getTrial().getTrialId()));
  }
}

package dev.llmhpo.history;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds history elements from results. */
public final class Histories {
  private Histories() {}

  /**
   * One history from results that may hold the same trial twice (a retried worker, a resumed log): the later
   * finished copy of a trial id wins, so a retried trial replaces rather than duplicates.
   */
  public static History of(String studyId, int roundsDone, Collection<TrialResult> results, Direction direction) {
    Map<Integer, TrialResult> byId = new LinkedHashMap<>();
    for (TrialResult r : results) {
      byId.merge(r.getTrial().getTrialId(), r, (a, b) -> b.getFinishedAtMillis() >= a.getFinishedAtMillis() ? b : a);
    }
    List<TrialResult> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparingInt(r -> r.getTrial().getTrialId()));
    return History.newBuilder()
        .setStudyId(studyId)
        .setRoundsDone(roundsDone)
        .setResults(sorted)
        .setBest(BestTrial.of(sorted, direction).orElse(null))
        .build();
  }
}

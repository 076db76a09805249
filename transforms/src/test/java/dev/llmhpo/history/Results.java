package dev.llmhpo.history;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.Map;

/** Trial results for the history tests. */
final class Results {
  private Results() {}

  static TrialResult complete(int trialId, double value) {
    return result(trialId, 0, TrialStatus.COMPLETE, value, 1_000L + trialId);
  }

  static TrialResult result(int trialId, int round, TrialStatus status, Double value, long finishedAtMillis) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId("s")
            .setTrialId(trialId)
            .setRound(round)
            .setParams(Map.of("max_depth", (Object) (long) (trialId + 2)))
            .setProposer("random")
            .build();
    return TrialResult.newBuilder()
        .setTrial(trial)
        .setStatus(status)
        .setValue(value)
        .setFinishedAtMillis(finishedAtMillis)
        .build();
  }

  static int id(TrialResult result) {
    return result.getTrial().getTrialId();
  }
}

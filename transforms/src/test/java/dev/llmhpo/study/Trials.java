package dev.llmhpo.study;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trial results of the fixtures' study ("tiny"), as the proposing step and the trial log hold them. */
final class Trials {
  private Trials() {}

  static TrialResult pending(int trialId, int round, Map<String, Object> params) {
    return TrialResult.newBuilder().setTrial(trial(trialId, round, params)).setStatus(TrialStatus.PENDING).build();
  }

  /** A COMPLETE result as a worker would have logged it, with a logloss of {@code value}. */
  static TrialResult complete(int trialId, int round, double value, long finishedAtMillis) {
    return TrialResult.newBuilder()
        .setTrial(trial(trialId, round, Map.of("eta", 0.1, "max_depth", 4L)))
        .setStatus(TrialStatus.COMPLETE)
        .setValue(value)
        .setMetrics(Map.of("logloss", value, "auc", 1 - value))
        .setBestIteration(3)
        .setTrainSeconds(0.5)
        .setWorker("earlier#1")
        .setFinishedAtMillis(finishedAtMillis)
        .build();
  }

  static TrialResult failed(int trialId, int round, String error, long finishedAtMillis) {
    return TrialResult.newBuilder()
        .setTrial(trial(trialId, round, Map.of("eta", 0.2)))
        .setStatus(TrialStatus.FAILED)
        .setError(error)
        .setWorker("earlier#1")
        .setFinishedAtMillis(finishedAtMillis)
        .build();
  }

  static List<Integer> ids(List<TrialResult> results) {
    return results.stream().map(r -> r.getTrial().getTrialId()).toList();
  }

  private static Trial trial(int trialId, int round, Map<String, Object> params) {
    return Trial.newBuilder()
        .setStudyId("tiny")
        .setTrialId(trialId)
        .setRound(round)
        .setParams(new LinkedHashMap<>(params))
        .setProposer("random")
        .build();
  }
}

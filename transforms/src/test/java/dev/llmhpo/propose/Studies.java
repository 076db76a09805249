package dev.llmhpo.propose;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Study specs, trial results and whole simulated studies for proposer tests. */
public final class Studies {
  private Studies() {}

  public static ProposalRequest request(
      SearchSpace space, Direction direction, List<TrialResult> history, int n, long seed) {
    return request(space, direction, history, List.of(), n, seed);
  }

  public static ProposalRequest request(
      SearchSpace space, Direction direction, List<TrialResult> history, List<ProposedConfig> pending, int n,
      long seed) {
    int round = history.isEmpty() ? 0 : history.get(history.size() - 1).getTrial().getRound() + 1;
    return new ProposalRequest(objective(direction), space, history, pending, n, round, seed, "{}", budget(history));
  }

  /** A budget of one more round of four trials after the history. */
  public static TrialBudget budget(List<TrialResult> history) {
    return new TrialBudget(history.size() + 4, history.size(), 1, 4, 2000, 50);
  }

  public static Objective objective(Direction direction) {
    return new Objective(TaskType.BINARY, "y", "logloss", direction);
  }

  public static TrialResult result(int trialId, int round, Map<String, Object> params, TrialStatus status, Double value) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId("test")
            .setTrialId(trialId)
            .setRound(round)
            .setParams(new LinkedHashMap<>(params))
            .setProposer("test")
            .build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(status).setValue(value).build();
  }

  /** A history of random configurations, the completed ones valued by the objective, in round 0. */
  public static List<TrialResult> randomHistory(
      SearchSpace space, int completed, int failed, ToDoubleFunction<Map<String, Object>> objective, long seed) {
    Random random = new Random(seed);
    List<TrialResult> history = new ArrayList<>();
    for (int i = 0; i < completed + failed; i++) {
      double[] point = random.doubles(space.names().size()).toArray();
      Map<String, Object> config = space.fromUnitCube(point);
      history.add(
          i < completed
              ? result(i, 0, config, TrialStatus.COMPLETE, objective.applyAsDouble(config))
              : result(i, 0, config, TrialStatus.FAILED, null));
    }
    return history;
  }

  /** Runs a study of the given number of trials in rounds of {@code batch}; returns its history. */
  public static List<TrialResult> run(
      Proposer proposer,
      SearchSpace space,
      Direction direction,
      ToDoubleFunction<Map<String, Object>> objective,
      int trials,
      int batch,
      long seed) {
    List<TrialResult> history = new ArrayList<>();
    for (int round = 0; history.size() < trials; round++) {
      int n = Math.min(batch, trials - history.size());
      ProposalRequest request = new ProposalRequest(
          objective(direction), space, history, List.of(), n, round, seed * 1_000 + round, "{}", budget(history));
      for (ProposedConfig config : proposer.propose(request).configs()) {
        history.add(
            result(history.size(), round, config.params(), TrialStatus.COMPLETE,
                objective.applyAsDouble(config.params())));
      }
    }
    return history;
  }

  /** The lowest value in a history. */
  public static double best(List<TrialResult> history) {
    return history.stream().mapToDouble(TrialResult::getValue).min().orElseThrow();
  }

  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

package dev.llmhpo.bench;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.evaluate.Metric;
import dev.llmhpo.train.TrainBudget;
import dev.llmhpo.train.LearningTask;
import dev.llmhpo.train.SharedTrainingData;
import dev.llmhpo.train.XgbTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A trial of known cost: one fixed configuration trained for a fixed number of boosting rounds, without early
 * stopping. {@link #calibrate} finds the rounds that make a trial last about a target time on this machine.
 */
record FixedCostTrial(Map<String, Object> xgbParams, TrainBudget budget) {
  private static final int START = 20;
  private static final int STEPS = 5;

  /**
   * The fixed-cost trial of about {@code seconds} with {@code threads} XGBoost threads while {@code concurrent}
   * trials run at once, as they will in the measurement: after a warm-up, scales the rounds by target / measured
   * (median) time until trials land within 5 % of the target, in at most {@value #STEPS} steps (a trial has a fixed
   * part, so one step is not enough).
   */
  static FixedCostTrial calibrate(
      PreparedData data, Map<String, Object> xgbParams, double seconds, int threads, int concurrent, Metric metric,
      long seed)
      throws Exception {
    SharedTrainingData.jvm().dropIdle(); // as ThreadPoolLoop does, for the same reason
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    List<XgbTrainer> trainers = new ArrayList<>();
    try {
      // Built on the pool's threads, which end with the pool, never on this long-lived one (see ShortLivedThread).
      for (int i = 0; i < concurrent; i++) {
        trainers.add(
            pool.submit(() -> new XgbTrainer(LearningTask.of(data.encoding()), data.train(), data.validation())).get());
      }
      int rounds = START;
      time(pool, trainers, xgbParams, budget(rounds, threads, metric, seed)); // warm-up: JIT, native pools
      for (int step = 0; step < STEPS; step++) {
        double measured = time(pool, trainers, xgbParams, budget(rounds, threads, metric, seed));
        if (Math.abs(measured - seconds) <= 0.05 * seconds) {
          break;
        }
        rounds = (int) Math.max(1, Math.min(100_000, Math.round(rounds * seconds / Math.max(1e-3, measured))));
      }
      return new FixedCostTrial(xgbParams, budget(rounds, threads, metric, seed));
    } finally {
      pool.shutdownNow();
      trainers.forEach(XgbTrainer::close);
    }
  }

  /** The median seconds of one training on each trainer, all at once. */
  private static double time(
      ExecutorService pool, List<XgbTrainer> trainers, Map<String, Object> xgbParams, TrainBudget budget)
      throws Exception {
    List<Future<Double>> runs = new ArrayList<>();
    for (XgbTrainer trainer : trainers) {
      runs.add(pool.submit(() -> trainer.train(xgbParams, budget).seconds()));
    }
    double[] seconds = new double[runs.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = runs.get(i).get();
    }
    return Stats.median(seconds);
  }

  private static TrainBudget budget(int rounds, int threads, Metric metric, long seed) {
    return new TrainBudget(rounds, 0, metric, threads, "cpu", seed);
  }

  int rounds() {
    return budget.maxRounds();
  }
}

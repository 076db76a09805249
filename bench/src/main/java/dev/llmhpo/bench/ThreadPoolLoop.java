package dev.llmhpo.bench;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.train.FinalModel;
import dev.llmhpo.train.TrainOutcome;
import dev.llmhpo.train.LearningTask;
import dev.llmhpo.train.SharedTrainingData;
import dev.llmhpo.train.XgbTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * The baseline of the overhead benchmark: what a study does, as a plain loop in a Java thread pool of {@code p}
 * threads in this process. Timed from reading the data to the final model's test scores, as a study is.
 */
final class ThreadPoolLoop {
  private ThreadPoolLoop() {}

  /** Runs {@code trials} copies of {@code trial} on {@code parallelism} threads; returns the wall seconds. */
  static double run(
      DataSource source, double validationFraction, long splitSeed, FixedCostTrial trial, int trials, int parallelism)
      throws Exception {
    // A study leaves its data and trainers (native matrices) idle in this JVM for a while; a fresh process has
    // none. The pipeline's run drops them before it starts, and so does the loop, so that both start alike.
    SharedTrainingData.jvm().dropIdle();
    long start = System.nanoTime();
    PreparedData data = PreparedData.load(source, null, validationFraction, splitSeed);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    AtomicInteger next = new AtomicInteger();
    List<Future<List<TrainOutcome>>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < parallelism; t++) {
        workers.add(
            pool.submit(
                () -> {
                  List<TrainOutcome> outcomes = new ArrayList<>();
                  try (XgbTrainer trainer = new XgbTrainer(LearningTask.of(data.encoding()), data.train(), data.validation())) {
                    while (next.getAndIncrement() < trials) {
                      outcomes.add(trainer.train(trial.xgbParams(), trial.budget()));
                    }
                  }
                  return outcomes;
                }));
      }
      List<TrainOutcome> outcomes = new ArrayList<>();
      for (Future<List<TrainOutcome>> worker : workers) {
        outcomes.addAll(worker.get());
      }
      // Every trial is the same configuration: the final model retrains it, as the study's last step does; on a
      // pool thread too, never this long-lived one (see ShortLivedThread).
      int rounds = outcomes.get(0).bestIteration() + 1;
      pool.submit(
              () -> {
                Booster booster =
                    FinalModel.train(
                        data, trial.xgbParams(), rounds, trial.budget().metric(), trial.budget().device(),
                        trial.budget().seed());
                try {
                  return FinalModel.testMetrics(booster, data, rounds);
                } finally {
                  booster.dispose();
                }
              })
          .get();
      return (System.nanoTime() - start) / 1e9;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.llmhpo.study;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import dev.llmhpo.train.SharedTrainingData;
import dev.llmhpo.train.TrainBudget;
import dev.llmhpo.train.TrainOutcome;
import dev.llmhpo.train.TrialTraining;
import dev.llmhpo.train.XgbTrainer;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains every PENDING trial of one worker slot, one after the other, and passes results already in the history
 * through unchanged. The data comes from {@link SharedTrainingData}: loaded once per worker JVM, by whichever
 * instance sets up first, not once per round.
 */
public class TrainTrialsFn extends DoFn<KV<Integer, Iterable<TrialResult>>, KV<String, TrialResult>> {
  private static final Logger LOG = LoggerFactory.getLogger(TrainTrialsFn.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final TrialTraining training;
  private final Counter completed = Metrics.counter("llm-hpo", "trials_completed");
  private final Counter failed = Metrics.counter("llm-hpo", "trials_failed");
  private transient SharedTrainingData.Lease data;
  private transient SearchSpace space;
  private transient String worker;

  public TrainTrialsFn(TrialTraining training) {
    this.training = training;
  }

  @Setup
  public void setup() {
    data = SharedTrainingData.jvm().lease(training.data());
    space = SearchSpace.of(training.space());
    worker = ManagementFactory.getRuntimeMXBean().getName() + "#" + INSTANCES.incrementAndGet();
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<TrialResult>> slot, OutputReceiver<KV<String, TrialResult>> out) {
    TrainBudget budget = training.budgetFor(slot.getKey());
    XgbTrainer trainer = null;
    try {
      for (TrialResult result : slot.getValue()) {
        TrialResult done = result;
        if (result.getStatus() == TrialStatus.PENDING) {
          trainer = trainer != null ? trainer : data.borrow();
          done = train(trainer, result, budget);
        }
        out.output(KV.of(done.getTrial().getStudyId(), done));
      }
    } finally {
      if (trainer != null) {
        data.giveBack(trainer);
      }
    }
  }

  private TrialResult train(XgbTrainer trainer, TrialResult pending, TrainBudget budget) {
    TrialResult.Builder result = TrialResult.newBuilder(pending).setWorker(worker);
    long start = System.nanoTime();
    try {
      Map<String, Object> params = space.toXgboostParams(pending.getTrial().getParams());
      TrainOutcome outcome = trainer.train(params, budget);
      completed.inc();
      return result
          .setStatus(TrialStatus.COMPLETE)
          .setMetrics(outcome.validation())
          .setValue(outcome.validation().get(budget.metric().name()))
          .setBestIteration(outcome.bestIteration())
          .setTrainSeconds(outcome.seconds())
          .setFinishedAtMillis(System.currentTimeMillis())
          .build();
    } catch (Exception | LinkageError e) {
      // A failing trial is recorded, never fatal to the study.
      failed.inc();
      LOG.warn("trial {} failed: {}", pending.getTrial().getTrialId(), e.toString());
      return result
          .setStatus(TrialStatus.FAILED)
          .setError(e.toString())
          .setTrainSeconds((System.nanoTime() - start) / 1e9)
          .setFinishedAtMillis(System.currentTimeMillis())
          .build();
    }
  }

  @Teardown
  public void teardown() {
    if (data != null) {
      data.close();
      data = null;
    }
  }
}

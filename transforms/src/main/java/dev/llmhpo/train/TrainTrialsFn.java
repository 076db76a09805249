package dev.llmhpo.train;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
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
 * through unchanged. The data is loaded and its matrices built once per DoFn instance, in {@code @Setup}.
 */
public class TrainTrialsFn extends DoFn<KV<Integer, Iterable<TrialResult>>, KV<String, TrialResult>> {
  private static final Logger LOG = LoggerFactory.getLogger(TrainTrialsFn.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final StudySpec spec;
  private final Counter completed = Metrics.counter("llm-hpo", "trials_completed");
  private final Counter failed = Metrics.counter("llm-hpo", "trials_failed");
  private transient XgbTrainer trainer;
  private transient SearchSpace space;
  private transient String worker;

  public TrainTrialsFn(StudySpec spec) {
    this.spec = spec;
  }

  @Setup
  public void setup() {
    PreparedData data =
        PreparedData.load(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSeed());
    trainer = new XgbTrainer(LearningTask.of(data.encoding()), data.train(), data.validation());
    space = SearchSpace.of(spec.getSpace());
    worker = ManagementFactory.getRuntimeMXBean().getName() + "#" + INSTANCES.incrementAndGet();
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<TrialResult>> slot, OutputReceiver<KV<String, TrialResult>> out) {
    for (TrialResult result : slot.getValue()) {
      TrialResult done = result.getStatus() == TrialStatus.PENDING ? train(result) : result;
      out.output(KV.of(done.getTrial().getStudyId(), done));
    }
  }

  private TrialResult train(TrialResult pending) {
    TrialResult.Builder result = TrialResult.newBuilder(pending).setWorker(worker);
    long start = System.nanoTime();
    try {
      Map<String, Object> params = space.toXgboostParams(pending.getTrial().getParams());
      TrainOutcome outcome = trainer.train(params, budget());
      completed.inc();
      return result
          .setStatus(TrialStatus.COMPLETE)
          .setMetrics(outcome.validation())
          .setValue(outcome.validation().get(spec.getMetric()))
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

  private TrainBudget budget() {
    return new TrainBudget(
        spec.getMaxBoostRounds(),
        spec.getEarlyStoppingRounds(),
        spec.getMetric(),
        spec.getThreadsPerTrial(),
        spec.getDevice(),
        spec.getSeed());
  }

  @Teardown
  public void teardown() {
    if (trainer != null) {
      trainer.close();
      trainer = null;
    }
  }
}

package dev.llmhpo.bench;

import dev.llmhpo.bench.TimedStudy.StudyRun;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Large tables: a study of fixed-cost trials on a synthetic table of each {@code --rows} x {@code --features}
 * (written once as CSV into {@code --cacheDir}), with per-trial time, the data loads and their cost, and the
 * process's peak resident memory during the study.
 */
final class ScaleScenario {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");

  private final BenchOptions options;
  private final StudyOptions studies;

  ScaleScenario(BenchOptions options, StudyOptions studies) {
    this.options = options;
    this.studies = studies;
  }

  /**
   * One table size.
   *
   * @param dataLoads data loads in this process over the whole study (launcher, workers, final model)
   * @param loadSeconds seconds those loads took (CSV read, encoded, split)
   * @param prepareSeconds the launcher's share before the job, the load included
   * @param startRssMb resident memory when the study started (the JVM's heap and code so far)
   * @param peakRssMb peak resident memory during the study
   * @param generateSeconds writing the CSV files; 0 when they were already there
   */
  record Row(
      int rows,
      int features,
      int trials,
      long dataLoads,
      double loadSeconds,
      double prepareSeconds,
      double trialSeconds,
      double wallSeconds,
      double startRssMb,
      double peakRssMb,
      double generateSeconds) {}

  List<Row> run() {
    List<Row> rows = new ArrayList<>();
    for (int n : BenchLists.positiveInts("--rows", options.getRows())) {
      rows.add(measure(n, options.getDevice(), TuneCommand.parallelism(options), options.getThreadsPerTrial(), Map.of()));
    }
    return rows;
  }

  /** One study of fixed-cost trials on an {@code n}-row synthetic table. */
  Row measure(int n, String device, int parallelism, int threadsPerTrial, Map<String, Object> configOverrides) {
    BenchLists.checkPositive("--scaleRounds", options.getScaleRounds());
    BenchLists.checkPositive("--scaleBoostRounds", options.getScaleBoostRounds());
    long start = System.nanoTime();
    Path dir = Path.of(options.getCacheDir(), "synthetic");
    Path train = new SyntheticTable(n, options.getFeatures(), 1).writeTo(dir, "train");
    Path test = new SyntheticTable(Math.max(1, n / 4), options.getFeatures(), 2).writeTo(dir, "test");
    double generateSeconds = (System.nanoTime() - start) / 1e9;

    BenchOptions study =
        studies.study(String.format("scale/%s-%dx%d", device.replace(':', '_'), n, options.getFeatures()), parallelism);
    study.setDataset(null);
    study.setTrain(train.toString());
    study.setTest(test.toString());
    study.setTarget(SyntheticTable.TARGET);
    study.setPositiveClass("yes");
    study.setDevice(device);
    study.setProposer(FixedConfigProposer.NAME);
    study.setRounds(options.getScaleRounds());
    study.setTrialsPerRound(parallelism);
    study.setMaxBoostRounds(options.getScaleBoostRounds());
    study.setEarlyStoppingRounds(0);
    study.setThreadsPerTrial(threadsPerTrial);
    PeakMemory.reset();
    double startRss = PeakMemory.currentMiB();
    StudyRun run = TimedStudy.run(study, FixedConfigProposer.factory(configOverrides));
    double peak = PeakMemory.peakMiB();
    if (run.state() != PipelineResult.State.DONE) {
      throw new IllegalStateException("the scale study in " + run.output() + " ended " + run.state());
    }
    double[] trialSeconds =
        new TrialLog(run.output()).readAll().stream().mapToDouble(TrialResult::getTrainSeconds).toArray();
    LOG.info("scale: {} rows on {}: {} trials, median {} s", n, device, trialSeconds.length, Stats.median(trialSeconds));
    return new Row(
        n,
        options.getFeatures(),
        trialSeconds.length,
        run.dataLoads(),
        run.loadSeconds(),
        run.prepareSeconds(),
        Stats.median(trialSeconds),
        run.wallSeconds(),
        startRss,
        peak,
        generateSeconds);
  }
}

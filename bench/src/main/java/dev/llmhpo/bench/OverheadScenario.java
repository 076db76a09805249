package dev.llmhpo.bench;

import dev.llmhpo.bench.TimedStudy.StudyRun;
import dev.llmhpo.data.PreparedData;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pipeline adds to the cost of training: K trials of one fixed configuration through a study on embedded
 * Flink at parallelism p, against the same trainings in a plain thread pool of p threads ({@link ThreadPoolLoop}).
 * Both are timed from reading the data to the final model's test scores.
 */
final class OverheadScenario {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");

  private final BenchOptions options;
  private final StudyOptions studies;

  OverheadScenario(BenchOptions options, StudyOptions studies) {
    this.options = options;
    this.studies = studies;
  }

  /** One cell of the table: a parallelism, a target trial length, medians over the repeats. */
  record Row(
      int p,
      double trialSeconds,
      double measuredTrialSeconds,
      int boostRounds,
      int trials,
      int rounds,
      double pipelineSeconds,
      double loopSeconds,
      double ratio,
      long dataLoads) {}

  /** The untimed warm-up study's wall time: what the first study in a fresh JVM pays once. */
  private double coldStartSeconds = Double.NaN;

  double coldStartSeconds() {
    return coldStartSeconds;
  }

  /**
   * A small study of the measured shape before the measurements, so that every measured study and loop runs in a
   * warm JVM: classes loaded and the pipeline's code compiled. Without it the first loop runs while the JIT still
   * compiles Flink's code from the study before, and trials whose threads fill every core lose a share of a core
   * to it. Returns its wall time: what the first study in a fresh JVM pays once.
   */
  private double warmUp() {
    BenchOptions study = studies.study("overhead/warm-up", 2);
    study.setProposer(FixedConfigProposer.NAME);
    study.setRounds(2);
    study.setTrialsPerRound(8);
    study.setMaxBoostRounds(10);
    study.setEarlyStoppingRounds(0);
    StudyRun run = TimedStudy.run(study, FixedConfigProposer.factory(Map.of()));
    if (run.state() != PipelineResult.State.DONE) {
      throw new IllegalStateException("the warm-up study in " + run.output() + " ended " + run.state());
    }
    return run.wallSeconds();
  }

  List<Row> run() throws Exception {
    List<Integer> parallelisms = BenchLists.positiveInts("--parallelisms", options.getParallelisms());
    List<Double> lengths = BenchLists.positiveDoubles("--trialSeconds", options.getTrialSeconds());
    BenchLists.checkPositive("--overheadRounds", options.getOverheadRounds());
    BenchLists.checkPositive("--repeats", options.getRepeats());
    if (!(options.getWorkSeconds() > 0)) {
      throw new IllegalArgumentException("--workSeconds must be positive, got " + options.getWorkSeconds());
    }
    // The data and configuration every trial uses, read the way the studies read them.
    StudySpec spec = TuneCommand.prepare(studies.study("overhead/calibration", 1));
    PreparedData data =
        PreparedData.load(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSplitSeed());
    SearchSpace space = SearchSpace.of(spec.getSpace());
    Map<String, Object> xgbParams = space.toXgboostParams(space.defaults());

    coldStartSeconds = warmUp();

    List<Row> rows = new ArrayList<>();
    int cores = Runtime.getRuntime().availableProcessors();
    for (int p : parallelisms) {
      int threads = options.getThreadsPerTrial() > 0 ? options.getThreadsPerTrial() : Math.max(1, cores / p);
      for (double seconds : lengths) {
        FixedCostTrial trial =
            FixedCostTrial.calibrate(data, xgbParams, seconds, threads, p, Metrics.byName(spec.getTask(), spec.getMetric()), spec.getSeed());
        int rounds = options.getOverheadRounds();
        int perRound = (int) Math.ceil(Math.max(p, options.getWorkSeconds() * p / seconds) / rounds);
        int trials = rounds * perRound;
        LOG.info(
            "overhead: p={} trial ~{} s ({} boosting rounds, {} threads): {} trials in {} rounds",
            p, seconds, trial.rounds(), threads, trials, rounds);
        double[] pipeline = new double[options.getRepeats()];
        double[] loop = new double[options.getRepeats()];
        double[] trialTimes = new double[0];
        long loads = 0;
        for (int r = 0; r < options.getRepeats(); r++) {
          // Alternating which goes first spreads drifts in the machine's load over both.
          if (r % 2 == 0) {
            loop[r] = loop(spec, trial, trials, p);
          }
          BenchOptions study = studies.study(String.format("overhead/p%d-t%s-r%d", p, seconds, r), p);
          study.setProposer(FixedConfigProposer.NAME);
          study.setRounds(rounds);
          study.setTrialsPerRound(perRound);
          study.setMaxBoostRounds(trial.rounds());
          study.setEarlyStoppingRounds(0);
          study.setThreadsPerTrial(threads);
          StudyRun run = TimedStudy.run(study, FixedConfigProposer.factory(Map.of()));
          if (run.state() != PipelineResult.State.DONE) {
            throw new IllegalStateException("the overhead study in " + run.output() + " ended " + run.state());
          }
          pipeline[r] = run.wallSeconds();
          loads = run.dataLoads();
          trialTimes = new TrialLog(run.output()).readAll().stream().mapToDouble(TrialResult::getTrainSeconds).toArray();
          if (r % 2 == 1) {
            loop[r] = loop(spec, trial, trials, p);
          }
          LOG.info("overhead: p={} trial ~{} s: pipeline {} s, loop {} s", p, seconds, pipeline[r], loop[r]);
        }
        double pipelineSeconds = Stats.median(pipeline);
        double loopSeconds = Stats.median(loop);
        rows.add(
            new Row(
                p,
                seconds,
                Stats.median(trialTimes),
                trial.rounds(),
                trials,
                rounds,
                pipelineSeconds,
                loopSeconds,
                pipelineSeconds / loopSeconds,
                loads));
      }
    }
    return rows;
  }

  private static double loop(StudySpec spec, FixedCostTrial trial, int trials, int p) throws Exception {
    return ThreadPoolLoop.run(spec.getDataSource(), spec.getValidationFraction(), spec.getSplitSeed(), trial, trials, p);
  }
}

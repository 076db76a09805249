package dev.llmhpo.pipelines;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.train.SharedTrainingData;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** Runs whole studies in this process, exactly as {@code tune} does, for commands that measure them ({@code bench}). */
public final class StudyRunner {
  private StudyRunner() {}

  /** Options as {@code tune} parses them: embedded Flink, one worker per core, the CUDA probe. */
  public static <T extends TuneOptions> T parse(String[] args, Class<T> type) {
    return TuneCommand.parse(args, type);
  }

  /** Workers of the study {@code options} describe. */
  public static int parallelism(TuneOptions options) {
    return TuneCommand.parallelism(options);
  }

  /** The study {@code options} describe, prepared as {@code run} would (data read and checked), not run. */
  public static StudySpec prepare(TuneOptions options) {
    return Study.prepare(options, parallelism(options)).spec();
  }

  /**
   * Prepares and runs a study to its end, timing it as a user would from the command line: data an earlier study
   * left in this JVM is dropped first, so the study reads its data as a fresh command would.
   *
   * @param proposer where the trials come from, labelled {@code --proposer}; null for {@code --proposer}'s own
   */
  public static StudyRun run(TuneOptions options, ProposerFactory proposer) {
    SharedTrainingData shared = SharedTrainingData.jvm();
    shared.dropIdle();
    long loadsBefore = shared.loads();
    double loadSecondsBefore = shared.loadSeconds();
    long startedAtMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    int parallelism = parallelism(options);
    Study study =
        proposer == null ? Study.prepare(options, parallelism) : Study.prepare(options, parallelism, proposer);
    double prepareSeconds = (System.nanoTime() - start) / 1e9;
    PipelineResult.State state = TuneCommand.launch(study, options, Pipeline.create(options)).waitUntilFinish();
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    return new StudyRun(
        state,
        study.spec(),
        study.output(),
        startedAtMillis,
        prepareSeconds,
        wallSeconds,
        shared.loads() - loadsBefore,
        shared.loadSeconds() - loadSecondsBefore);
  }

  /**
   * What one study run took.
   *
   * @param spec the study as it ran
   * @param output the study's output folder (trial log, summary)
   * @param startedAtMillis when the run started, wall clock
   * @param prepareSeconds the launcher's share: reading and checking the data, the data card
   * @param wallSeconds from start to the job's end, the launcher's share included
   * @param dataLoads how many times this process loaded the study's data (launcher and embedded workers)
   * @param loadSeconds seconds those loads took
   */
  public record StudyRun(
      PipelineResult.State state,
      StudySpec spec,
      Path output,
      long startedAtMillis,
      double prepareSeconds,
      double wallSeconds,
      long dataLoads,
      double loadSeconds) {}
}

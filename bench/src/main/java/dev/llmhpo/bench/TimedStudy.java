package dev.llmhpo.bench;

import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.pipelines.TuneOptions;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.train.SharedTrainingData;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** Runs a whole study in this process through {@code tune}'s public API, and measures it as a user would see it. */
public final class TimedStudy {
  private TimedStudy() {}

  /**
   * Runs the study to its end. Data an earlier study left in this JVM is dropped first, so the study reads its data
   * as a fresh command would.
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
    PipelineResult.State state = TuneCommand.run(options, Pipeline.create(options), proposer);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    StudySpec spec = StudySpecFile.read(output);
    return new StudyRun(
        state,
        spec,
        output,
        startedAtMillis,
        // The spec is stamped once the launcher has read and checked the data.
        (spec.getStartedAtMillis() - startedAtMillis) / 1000.0,
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

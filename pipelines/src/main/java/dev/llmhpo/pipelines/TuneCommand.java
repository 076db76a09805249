package dev.llmhpo.pipelines;

import dev.llmhpo.data.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code tune}: parses options, prepares the study, runs it as one Beam job. */
final class TuneCommand {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");

  private TuneCommand() {}

  /**
   * Exit codes a scheduler can rely on: 0 the study ran (or already has its {@code --maxRounds}), 1 the job failed
   * or could not be submitted (worth a retry: finished rounds are kept), 2 bad options or input (fix the command).
   */
  static int main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, TuneOptions.class);
      return 0;
    }
    TuneOptions options;
    Study study;
    try {
      options = parse(args);
      study = Study.prepare(options, parallelism(options));
    } catch (Study.AtCapException e) {
      LOG.info(e.getMessage());
      return 0;
    } catch (IllegalArgumentException | DataException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    try {
      PipelineResult.State state = execute(options, study, Pipeline.create(options));
      if (state != PipelineResult.State.DONE) {
        System.err.println("error: the job ended " + state);
        return 1;
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println("error: the job failed: " + e.getMessage());
      e.printStackTrace();
      return 1;
    }
  }

  /** Embedded Flink with one worker per core unless the command line says otherwise; see {@link FlinkTarget}. */
  static TuneOptions parse(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    PipelineOptionsFactory.register(TuneOptions.class);
    TuneOptions options = PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(TuneOptions.class);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    FlinkTarget.applyDefaults(options, all);
    if (all.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      flink.setFasterCopy(true); // safe: no DoFn here mutates its input
    }
    return options;
  }

  /** Prepares the study, builds its pipeline, runs it to the end. */
  static PipelineResult.State run(TuneOptions options, Pipeline pipeline) {
    return execute(options, Study.prepare(options, parallelism(options)), pipeline);
  }

  private static PipelineResult.State execute(TuneOptions options, Study study, Pipeline pipeline) {
    int parallelism = parallelism(options);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : IntStream.range(0, parallelism).boxed().toList();
    TunePipeline.build(pipeline, study, slotKeys);
    if (!FlinkTarget.isCluster(options.as(FlinkPipelineOptions.class))) {
      return pipeline.run().waitUntilFinish();
    }
    LOG.info("study {}: submitting {} rounds to the Flink cluster", study.spec().getStudyId(), study.spec().getRounds());
    PipelineResult.State state;
    try (TrialLogProgress progress = TrialLogProgress.watch(study)) {
      state = pipeline.run().waitUntilFinish();
    }
    LOG.info("study {}: job {}, summary in {}", study.spec().getStudyId(), state, study.output().resolve("summary.json"));
    return state;
  }

  private static int parallelism(TuneOptions options) {
    return Math.max(1, options.as(FlinkPipelineOptions.class).getParallelism());
  }
}

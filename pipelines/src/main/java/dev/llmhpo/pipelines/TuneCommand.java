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

/** {@code tune}: parses options, prepares the study, runs it as one Beam job. */
final class TuneCommand {
  private TuneCommand() {}

  /** Exit codes: 0 the study ran, 1 the job failed, 2 bad options or input. */
  static int main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      OptionsHelp.print(System.out, "tune", TuneOptions.class, RUNNER_HELP);
      return 0;
    }
    try {
      TuneOptions options = parse(args);
      return run(options, Pipeline.create(options)) == PipelineResult.State.DONE ? 0 : 1;
    } catch (IllegalArgumentException | DataException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static final String RUNNER_HELP =
      """
      Beam and Flink options are accepted too; tune's defaults for the main ones:
        --runner=<Class>   default: FlinkRunner   (DirectRunner for Beam's local runner)
        --flinkMaster=<String>   default: [local], embedded Flink; host:port of a cluster's JobManager
        --parallelism=<int>   default: the number of cores with [local]; the cluster's default otherwise""";

  /**
   * The study file's options, then the command line's over them; embedded Flink with one worker per core unless
   * they say otherwise. Unknown options and badly typed values are rejected naming the option.
   */
  static TuneOptions parse(String[] args) {
    PipelineOptionsFactory.register(TuneOptions.class);
    List<String> commandLine = Arrays.asList(args);
    OptionChecks.check("tune", TuneOptions.class, commandLine);
    List<String> all = new ArrayList<>(StudyFile.merge(commandLine));
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    TuneOptions options = PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(TuneOptions.class);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (flink.getFlinkMaster() == null || flink.getFlinkMaster().equals("[auto]")) {
      flink.setFlinkMaster("[local]");
    }
    if (all.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      flink.setFasterCopy(true); // safe: no DoFn here mutates its input
    }
    if (flink.getParallelism() <= 0 && flink.getFlinkMaster().equals("[local]")) {
      flink.setParallelism(Runtime.getRuntime().availableProcessors());
    }
    return options;
  }

  /** Prepares the study, builds its pipeline, runs it to the end. */
  static PipelineResult.State run(TuneOptions options, Pipeline pipeline) {
    int parallelism = Math.max(1, options.as(FlinkPipelineOptions.class).getParallelism());
    boolean embedded =
        options.getRunner() != FlinkRunner.class || "[local]".equals(options.as(FlinkPipelineOptions.class).getFlinkMaster());
    Study study = Study.prepare(options, parallelism, embedded);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : IntStream.range(0, parallelism).boxed().toList();
    // A terminal gets a live line redrawn in place; CI and cron get one plain line per round.
    boolean live = System.console() != null;
    TunePipeline.build(pipeline, study, slotKeys, !live);
    try (LiveProgress progress = live ? LiveProgress.start(study, System.out) : null) {
      return pipeline.run().waitUntilFinish();
    }
  }
}

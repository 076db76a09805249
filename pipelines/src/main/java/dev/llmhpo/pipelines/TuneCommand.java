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
      PipelineOptionsFactory.printHelp(System.out, TuneOptions.class);
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

  /** Embedded Flink with one worker per core unless the command line says otherwise. */
  static TuneOptions parse(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    PipelineOptionsFactory.register(TuneOptions.class);
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
    TunePipeline.build(pipeline, study, slotKeys);
    return pipeline.run().waitUntilFinish();
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.data.DataException;
import dev.llmhpo.train.CudaProbe;
import dev.llmhpo.train.VisibleGpus;
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

  /**
   * Embedded Flink with one worker per core (per GPU x {@code --trialsPerGpu} with CUDA) unless the command line
   * says otherwise; {@code --device} as the start-up CUDA probe leaves it.
   */
  static TuneOptions parse(String[] args) {
    return parse(args, TuneOptions.class);
  }

  /** {@link #parse(String[])} into {@code type}, tune's options or ones that extend them. */
  static <T extends TuneOptions> T parse(String[] args, Class<T> type) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    PipelineOptionsFactory.register(type);
    T options = PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(type);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (flink.getFlinkMaster() == null || flink.getFlinkMaster().equals("[auto]")) {
      flink.setFlinkMaster("[local]");
    }
    if (all.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      flink.setFasterCopy(true); // safe: no DoFn here mutates its input
    }
    options.setDevice(CudaProbe.resolve(options.getDevice()));
    if (flink.getParallelism() <= 0 && flink.getFlinkMaster().equals("[local]")) {
      flink.setParallelism(
          options.getDevice().equals("cpu")
              ? Runtime.getRuntime().availableProcessors()
              : Math.max(1, VisibleGpus.count()) * Math.max(1, options.getTrialsPerGpu()));
    }
    return options;
  }

  /** Prepares the study, builds its pipeline, runs it to the end. */
  static PipelineResult.State run(TuneOptions options, Pipeline pipeline) {
    return launch(Study.prepare(options, parallelism(options)), options, pipeline).waitUntilFinish();
  }

  /** Builds the pipeline of a prepared study and starts it. */
  static PipelineResult launch(Study study, TuneOptions options, Pipeline pipeline) {
    int parallelism = parallelism(options);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : IntStream.range(0, parallelism).boxed().toList();
    TunePipeline.build(pipeline, study, slotKeys);
    return pipeline.run();
  }

  static int parallelism(TuneOptions options) {
    return Math.max(1, options.as(FlinkPipelineOptions.class).getParallelism());
  }
}

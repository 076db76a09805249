package dev.llmhpo.pipelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** {@code java -jar llm-hpo.jar tune [--option=value ...]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("tune")) {
      System.err.println("usage: java -jar llm-hpo.jar tune [--option=value ...]   (tune --help lists the options)");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.asList(rest).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, TuneOptions.class);
      return;
    }
    TuneOptions options = parse(rest);
    try {
      PipelineResult.State state = run(options, Pipeline.create(options));
      System.exit(state == PipelineResult.State.DONE ? 0 : 1);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
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
    Study study = Study.prepare(options, parallelism);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : java.util.stream.IntStream.range(0, parallelism).boxed().toList();
    TunePipeline.build(pipeline, study, slotKeys);
    return pipeline.run().waitUntilFinish();
  }
}

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
      OptionsHelp.print(System.out, "tune", TuneOptions.class, ProposerChoice.help() + "\n\n" + RUNNER_HELP);
      return 0;
    }
    TuneOptions options;
    Study study;
    try {
      options = parse(args);
      study = Study.prepare(options, parallelism(options), !isCluster(options));
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
    return parse(args, TuneOptions.class);
  }

  /**
   * {@link #parse(String[])} into {@code type}, tune's options or ones that extend them; {@code --device} as the
   * start-up CUDA probe leaves it, and with CUDA one embedded worker per GPU x {@code --trialsPerGpu}.
   */
  static <T extends TuneOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    List<String> commandLine = Arrays.asList(args);
    OptionChecks.check("tune", type, commandLine);
    List<String> all = new ArrayList<>(StudyFile.merge(commandLine));
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    T options = PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(type);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    options.setDevice(CudaProbe.resolve(options.getDevice()));
    boolean embedded = List.of("[auto]", "[local]").contains(String.valueOf(flink.getFlinkMaster()));
    if (!options.getDevice().equals("cpu") && flink.getParallelism() <= 0 && embedded) {
      flink.setParallelism(Math.max(1, VisibleGpus.count()) * Math.max(1, options.getTrialsPerGpu()));
    }
    FlinkTarget.applyDefaults(options, all);
    if (all.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      flink.setFasterCopy(true); // safe: no DoFn here mutates its input
    }
    return options;
  }

  /** Prepares the study, builds its pipeline, runs it to the end. */
  static PipelineResult.State run(TuneOptions options, Pipeline pipeline) {
    return execute(options, Study.prepare(options, parallelism(options), !isCluster(options)), pipeline);
  }

  private static PipelineResult.State execute(TuneOptions options, Study study, Pipeline pipeline) {
    boolean cluster = isCluster(options);
    // A terminal gets a live line redrawn in place; CI and cron get one plain line per round.
    boolean live = System.console() != null;
    build(study, options, pipeline, !live && !cluster);
    if (cluster) {
      LOG.info("study {}: submitting {} rounds to the Flink cluster", study.spec().getStudyId(), study.spec().getRounds());
    }
    LiveProgress liveLine = live ? LiveProgress.start(study, System.out) : null;
    TrialLogProgress roundLines = !live && cluster ? TrialLogProgress.watch(study) : null;
    PipelineResult.State state;
    try {
      state = pipeline.run().waitUntilFinish();
    } finally {
      if (liveLine != null) {
        liveLine.close();
      }
      if (roundLines != null) {
        roundLines.close();
      }
    }
    if (cluster) {
      LOG.info("study {}: job {}, summary in {}", study.spec().getStudyId(), state, study.output().resolve("summary.json"));
    }
    return state;
  }

  /** Builds the pipeline of a prepared study and starts it (bench scenarios time it themselves). */
  static PipelineResult launch(Study study, TuneOptions options, Pipeline pipeline) {
    build(study, options, pipeline, true);
    return pipeline.run();
  }

  private static void build(Study study, TuneOptions options, Pipeline pipeline, boolean roundLines) {
    int parallelism = parallelism(options);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : IntStream.range(0, parallelism).boxed().toList();
    TunePipeline.build(pipeline, study, slotKeys, roundLines);
  }

  private static boolean isCluster(TuneOptions options) {
    return options.getRunner() == FlinkRunner.class && FlinkTarget.isCluster(options.as(FlinkPipelineOptions.class));
  }

  static int parallelism(TuneOptions options) {
    return Math.max(1, options.as(FlinkPipelineOptions.class).getParallelism());
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.data.DataException;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.train.CudaProbe;
import dev.llmhpo.train.VisibleGpus;
import java.nio.file.Path;
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
public final class TuneCommand {
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
    ProposerFactory proposer;
    StudyLock lock;
    try {
      options = parse(args);
      proposer = proposer(options, null);
      lock = lock(options);
    } catch (IllegalArgumentException | DataException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    try (lock; InterruptNotice notice = InterruptNotice.watch(OptionChecks.outputFolder(options))) {
      Study study;
      try {
        study = Study.prepare(options, parallelism(options), proposer);
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
   * {@link #parse(String[])} into {@code type}, tune's options or ones that extend them (a program's own, such as
   * the benchmarks'); {@code --device} as the start-up CUDA probe leaves it, and with CUDA one embedded worker per
   * GPU x {@code --trialsPerGpu}.
   */
  public static <T extends TuneOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    List<String> commandLine = Arrays.asList(args);
    OptionChecks.names("tune", type, commandLine);
    List<String> all = new ArrayList<>(StudyFile.merge(commandLine));
    OptionChecks.runLength(all);
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=FlinkRunner");
    }
    T options = PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(type);
    OptionChecks.values(options);
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

  /**
   * Checks the study {@code options} describe without running it: reads and checks the data, writes
   * {@code study.avro} and {@code data-card.json}, and returns the spec a run would use.
   */
  public static StudySpec prepare(TuneOptions options) {
    ProposerFactory proposer = proposer(options, null);
    try (StudyLock lock = lock(options)) {
      return Study.prepare(options, parallelism(options), proposer).spec();
    }
  }

  /** Prepares the study {@code options} describe, builds its pipeline, runs it to the end. */
  public static PipelineResult.State run(TuneOptions options, Pipeline pipeline) {
    return run(options, pipeline, null);
  }

  /**
   * As {@link #run(TuneOptions, Pipeline)}, with the trials coming from a proposer of the caller's own (as Optuna's
   * {@code create_study(sampler=...)}), labelled {@code --proposer} in the study spec; null for {@code --proposer}'s.
   */
  public static PipelineResult.State run(TuneOptions options, Pipeline pipeline, ProposerFactory proposer) {
    ProposerFactory chosen = proposer(options, proposer);
    try (StudyLock lock = lock(options)) {
      return execute(options, Study.prepare(options, parallelism(options), chosen), pipeline);
    }
  }

  /**
   * The caller's proposer, or {@code --proposer}'s with its settings checked (on embedded runs the API key the
   * workers will read is checked here, before any training).
   */
  private static ProposerFactory proposer(TuneOptions options, ProposerFactory callers) {
    if (callers != null) {
      return callers;
    }
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    return ProposerChoice.of(options.getProposer(), options, output, !isCluster(options));
  }

  /** The study's lock on its output folder, held for the whole run (see {@link StudyLock}). */
  private static StudyLock lock(TuneOptions options) {
    String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
    StudyLock.ClusterJob job =
        isCluster(options) && !master.startsWith("[") ? new StudyLock.ClusterJob(master, options.getJobName()) : null;
    return StudyLock.acquire(OptionChecks.outputFolder(options), job, new FlinkJobs());
  }

  private static PipelineResult.State execute(TuneOptions options, Study study, Pipeline pipeline) {
    boolean cluster = isCluster(options);
    int parallelism = parallelism(options);
    List<Integer> slotKeys =
        options.getRunner() == FlinkRunner.class
            ? FlinkSlotKeys.forParallelism(parallelism)
            : IntStream.range(0, parallelism).boxed().toList();
    TunePipeline.build(pipeline, study, slotKeys);
    if (cluster) {
      LOG.info("study {}: submitting {} rounds to the Flink cluster", study.spec().getStudyId(), study.spec().getRounds());
    }
    PipelineResult.State state;
    try (Progress progress = Progress.start(study)) {
      state = pipeline.run().waitUntilFinish();
    }
    if (cluster) {
      LOG.info("study {}: job {}, summary in {}", study.spec().getStudyId(), state, study.output().resolve("summary.json"));
    }
    return state;
  }

  private static boolean isCluster(TuneOptions options) {
    return options.getRunner() == FlinkRunner.class && FlinkTarget.isCluster(options.as(FlinkPipelineOptions.class));
  }

  /** Workers of the study {@code options} describe. */
  public static int parallelism(TuneOptions options) {
    return Math.max(1, options.as(FlinkPipelineOptions.class).getParallelism());
  }
}

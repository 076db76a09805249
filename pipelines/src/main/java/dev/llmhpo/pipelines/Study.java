package dev.llmhpo.pipelines;

import dev.llmhpo.data.AdultDataset;
import dev.llmhpo.data.Fingerprints;
import dev.llmhpo.data.PreparedData;
import dev.llmhpo.data.StudyData;
import dev.llmhpo.evaluate.Metric;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.history.Histories;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.DataChange;
import dev.llmhpo.schema.DataFingerprint;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import dev.llmhpo.space.XgboostPortfolio;
import dev.llmhpo.study.TrialQueue;
import dev.llmhpo.train.SharedTrainingData;
import dev.llmhpo.train.VisibleGpus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a study run needs, worked out on the launcher before the job starts: the data is read and checked
 * here (bad input stops before any training), the data card written, an existing trial log read as the
 * starting history, so that a run on the same {@code --output} continues the study, and the configurations to train
 * first ({@code --enqueue}) read and checked against the space.
 */
record Study(
    StudySpec spec, History startHistory, ProposerFactory proposer, String dataCardJson, Path output, TrialQueue queue) {

  /** Thrown, before any data is read, when the study in {@code --output} already has its {@code --maxRounds}. */
  static final class AtCapException extends RuntimeException {
    AtCapException(String message) {
      super(message);
    }
  }

  /** @param proposer where the trials come from, labelled {@code --proposer} in the spec */
  static Study prepare(TuneOptions options, int parallelism, ProposerFactory proposer) {
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    SearchSpace space =
        options.getSpace() == null ? SearchSpace.xgboostDefault() : SearchSpace.fromJson(Path.of(options.getSpace()));
    TrialQueue queue = queue(options, space);
    String studyId = studyId(options);
    List<TrialResult> logged = new TrialLog(output).readAll();
    int roundsDone = logged.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0);
    int rounds = roundsThisRun(options, studyId, output, logged.isEmpty(), roundsDone);

    DataSource source = dataSource(options);
    DataFingerprint fingerprint = Fingerprints.of(source);
    StudySpec stored = Files.isRegularFile(output.resolve(StudySpecFile.NAME)) ? StudySpecFile.read(output) : null;
    List<DataChange> dataChanges =
        DataContinuity.check(stored, fingerprint, roundsDone, options.getAllowDataChange(), output);
    long splitSeed = options.getSplitSeed() != null ? options.getSplitSeed() : options.getSeed();
    PreparedData data = load(new StudyData(source, OptionChecks.task(options), options.getValidationFraction(), splitSeed));
    StudySpec spec =
        StudySpec.newBuilder(spec(options, studyId, source, data.task(), splitSeed, space, rounds, parallelism))
            .setData(fingerprint)
            .setDataChanges(dataChanges)
            .build();
    StudyIdentity.of(spec).checkContinues(output);
    StudySpecFile.write(output, spec); // what the report is rebuilt from
    String dataCardJson = data.card().toJson();
    AtomicFiles.writeString(output.resolve("data-card.json"), dataCardJson);
    History start = Histories.of(studyId, roundsDone, logged, spec.getDirection());
    return new Study(spec, start, proposer, dataCardJson, output, queue);
  }

  /** {@code --enqueue}'s configurations in the file's order, then with {@code --startup=portfolio} the portfolio's. */
  private static TrialQueue queue(TuneOptions options, SearchSpace space) {
    List<ProposedConfig> queued = new ArrayList<>();
    if (options.getEnqueue() != null) {
      Path file = Path.of(options.getEnqueue());
      List<Map<String, Object>> configs = EnqueueFile.read(file, space);
      for (int i = 0; i < configs.size(); i++) {
        queued.add(new ProposedConfig(
            configs.get(i), TrialQueue.ENQUEUED, "--enqueue=" + file.getFileName() + ", entry " + (i + 1)));
      }
    }
    if (OptionChecks.startsWithPortfolio(options)) {
      for (XgboostPortfolio.Config config : XgboostPortfolio.in(space)) {
        queued.add(new ProposedConfig(config.params(), TrialQueue.PORTFOLIO, "start-up portfolio: " + config.source()));
      }
    }
    return new TrialQueue(queued);
  }

  /**
   * What {@code --rounds} (or {@code --trials}), {@code --maxRounds} and {@code --resume} leave to run on the
   * study in {@code output}.
   */
  private static int roundsThisRun(TuneOptions options, String studyId, Path output, boolean noLog, int roundsDone) {
    if (options.getResume() && noLog) {
      throw new IllegalArgumentException(
          "--resume: " + output + " holds no trial log (trials/round-*.avro), so there is no study to continue");
    }
    int asked = roundsAsked(options.getTrials(), options.getRounds(), options.getTrialsPerRound());
    int rounds = roundsToRun(asked, options.getMaxRounds(), roundsDone);
    if (rounds == 0) {
      throw new AtCapException(
          "study " + studyId + " in " + output + " has " + roundsDone + " rounds, its cap (--maxRounds="
              + options.getMaxRounds() + "); nothing to run");
    }
    return rounds;
  }

  /** Reads and checks the data; shared, so that workers in this JVM (embedded Flink) find it loaded. */
  private static PreparedData load(StudyData study) {
    PreparedData data;
    try (SharedTrainingData.Lease lease = SharedTrainingData.jvm().lease(study)) {
      data = lease.data();
    }
    DataSource source = study.source();
    if (source.getPositiveClass() != null && data.task() != TaskType.BINARY) {
      throw new IllegalArgumentException(
          "--positiveClass applies to binary targets; --target=" + source.getTarget() + " is "
              + data.task().name().toLowerCase() + " here");
    }
    return data;
  }

  private static StudySpec spec(
      TuneOptions options,
      String studyId,
      DataSource source,
      TaskType task,
      long splitSeed,
      SearchSpace space,
      int rounds,
      int parallelism) {
    Metric metric = options.getMetric() == null ? Metrics.defaultFor(task) : Metrics.byName(task, options.getMetric());
    return StudySpec.newBuilder()
        .setStudyId(studyId)
        .setDataSource(source)
        .setTask(task)
        .setMetric(metric.name())
        .setDirection(metric.higherIsBetter() ? Direction.MAXIMIZE : Direction.MINIMIZE)
        .setSpace(space.params())
        .setRounds(rounds)
        .setTrialsPerRound(options.getTrialsPerRound())
        .setSeed(options.getSeed())
        .setSplitSeed(splitSeed)
        .setProposer(options.getProposer())
        .setMaxBoostRounds(options.getMaxBoostRounds())
        .setEarlyStoppingRounds(options.getEarlyStoppingRounds())
        .setValidationFraction(options.getValidationFraction())
        .setDevice(options.getDevice())
        .setTrialsPerGpu(options.getTrialsPerGpu())
        .setGpus(options.getDevice().equals("cpu") ? 0 : Math.max(1, VisibleGpus.count()))
        .setThreadsPerTrial(
            options.getThreadsPerTrial() > 0
                ? options.getThreadsPerTrial()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / parallelism))
        .setStartedAtMillis(System.currentTimeMillis())
        .build();
  }

  /**
   * {@code --studyId}; else, once a study exists in {@code --output}, the id its {@code study.avro} holds (so a copied
   * or renamed folder continues its study); else the output folder's name.
   */
  static String studyId(TuneOptions options) {
    if (options.getStudyId() != null) {
      return options.getStudyId();
    }
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    return Files.isRegularFile(output.resolve(StudySpecFile.NAME))
        ? StudySpecFile.read(output).getStudyId()
        : output.getFileName().toString();
  }

  /** {@code rounds}, or, when {@code trials} is given, the whole rounds of {@code trialsPerRound} that hold them. */
  static int roundsAsked(Integer trials, int rounds, int trialsPerRound) {
    return trials == null ? rounds : (int) ((trials + (long) trialsPerRound - 1) / trialsPerRound);
  }

  /**
   * Rounds this run adds: {@code rounds}, or what is left below {@code maxRounds} (0 = no cap) after
   * {@code roundsDone}; 0 when the study is at its cap.
   */
  static int roundsToRun(int rounds, int maxRounds, int roundsDone) {
    return maxRounds == 0 ? rounds : Math.max(0, Math.min(rounds, maxRounds - roundsDone));
  }

  private static DataSource dataSource(TuneOptions options) {
    OptionChecks.dataNamed(options);
    if ("adult".equalsIgnoreCase(options.getDataset())) {
      return AdultDataset.resolve(options.getDataDir(), Path.of(options.getCacheDir()), URI.create(options.getAdultUrl()));
    }
    return DataSource.newBuilder()
        .setTrainPath(Path.of(options.getTrain()).toAbsolutePath().toString())
        .setTestPath(options.getTest() == null ? null : Path.of(options.getTest()).toAbsolutePath().toString())
        .setTarget(options.getTarget())
        .setPositiveClass(options.getPositiveClass())
        .setDelimiter(options.getDelimiter())
        .setQuote(options.getQuote())
        .setDecimal(options.getDecimal())
        .setNumericColumns(options.getNumeric() == null ? List.of() : options.getNumeric())
        .build();
  }
}

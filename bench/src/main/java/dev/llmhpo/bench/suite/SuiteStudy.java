package dev.llmhpo.bench.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.bench.BenchOptions;
import dev.llmhpo.bench.TimedStudy;
import dev.llmhpo.bench.suite.TableSplit.SplitFiles;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;

/**
 * One study of a suite (a table, an arm, a seed): an ordinary {@code tune} study in its own folder, run to its
 * budget unless {@code suite-done.json} says an earlier suite already did; a study a kill interrupted is resumed
 * from its trial log by {@code tune} itself.
 */
final class SuiteStudy {
  static final String DONE = "suite-done.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};

  /** {@code suite-done.json}: the study reached its budget. */
  record Done(double wallSeconds, int slots, int attempts, long endedAtMillis) {}

  private final SuiteTable table;
  private final SuiteArm arm;
  private final long seed;
  private final int trials;
  private final Path dir;

  SuiteStudy(SuiteTable table, SuiteArm arm, long seed, int suiteTrials, Path studiesDir) {
    this.table = table;
    this.arm = arm;
    this.seed = seed;
    this.trials = arm.trials(suiteTrials);
    this.dir = studiesDir.resolve(table.name()).resolve(arm.name()).resolve("seed-" + seed);
  }

  String label() {
    return table.name() + " × " + arm.name() + " × seed " + seed;
  }

  Path dir() {
    return dir;
  }

  boolean done() {
    return Files.exists(dir.resolve(DONE));
  }

  /**
   * Runs (or resumes) the study to its budget.
   *
   * @param baseOptions the suite's {@code tune} options, name → value, without data, seed, budget or output
   */
  void run(Map<String, String> baseOptions, SplitFiles files) {
    Map<String, String> options = new LinkedHashMap<>(baseOptions);
    options.put("train", files.train().toString());
    options.put("test", files.test().toString());
    options.put("target", table.target());
    options.put("task", table.task());
    if (table.metric() != null) {
      options.put("metric", table.metric());
    }
    options.put("seed", Long.toString(seed));
    options.put("splitSeed", Long.toString(seed)); // every arm of a seed validates on the same rows
    options.put("output", dir.toString());
    options.put("studyId", table.name() + "-" + arm.name() + "-seed" + seed);
    for (String option : arm.options()) {
      int eq = option.indexOf('=');
      options.put(option.substring(2, eq), option.substring(eq + 1));
    }
    int perRound = Integer.parseInt(options.get("trialsPerRound"));
    int rounds = (trials + perRound - 1) / perRound;
    options.put("rounds", Integer.toString(rounds));
    options.put("maxRounds", Integer.toString(rounds));
    BenchOptions parsed = TuneCommand.parse(
        options.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new),
        BenchOptions.class);
    StudyAttempts attempts = StudyAttempts.read(dir);
    if (roundsDone() < rounds) {
      attempts = attempts.start(dir, System.currentTimeMillis());
      TimedStudy.StudyRun run = TimedStudy.run(parsed, null);
      if (run.state() != PipelineResult.State.DONE) {
        throw new IllegalStateException("the study in " + dir + " ended " + run.state());
      }
    }
    long end = System.currentTimeMillis();
    Done done = new Done(
        attempts.totalSeconds(trialLog(), end), TuneCommand.parallelism(parsed), attempts.count(), end);
    AtomicFiles.write(dir.resolve(DONE), out -> JSON.writeValue(out, done));
  }

  /** What the finished study found, read from its folder. */
  StudyOutcome outcome() {
    try {
      Done done = JSON.readValue(dir.resolve(DONE).toFile(), Done.class);
      StudySpec spec = StudySpecFile.read(dir);
      List<TrialResult> log = trialLog();
      List<TrialResult> first = log.subList(0, Math.min(trials, log.size()));
      StudyAttempts attempts = StudyAttempts.read(dir);
      double[] finished = attempts.studySeconds(first, done.endedAtMillis());
      double[] values = new double[first.size()];
      double[] seconds = new double[first.size()];
      double trainSeconds = 0;
      double allDone = 0;
      for (int i = 0; i < first.size(); i++) {
        TrialResult r = first.get(i);
        values[i] = r.getStatus() == TrialStatus.COMPLETE && r.getValue() != null ? r.getValue() : Double.NaN;
        allDone = Math.max(allDone, finished[i]);
        seconds[i] = allDone;
        trainSeconds += r.getTrainSeconds();
      }
      JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
      Map<String, Double> test = summary.path("test").isObject()
          ? JSON.convertValue(summary.get("test"), METRICS)
          : Map.of();
      double utilisation = trainSeconds / (done.wallSeconds() * done.slots());
      return new StudyOutcome(table.name(), arm.name(), seed, spec.getMetric(),
          spec.getDirection() == Direction.MAXIMIZE, values, seconds, test, done.wallSeconds(), utilisation,
          done.attempts());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the study in " + dir + ": " + e.getMessage(), e);
    }
  }

  private int roundsDone() {
    return (int) trialLog().stream().map(r -> r.getTrial().getRound()).distinct().count();
  }

  private List<TrialResult> trialLog() {
    List<TrialResult> log = new ArrayList<>(new TrialLog(dir).readAll());
    log.sort(Comparator.comparingInt(r -> r.getTrial().getTrialId()));
    return log;
  }
}

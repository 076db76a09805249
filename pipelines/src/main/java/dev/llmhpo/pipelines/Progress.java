package dev.llmhpo.pipelines;

import dev.llmhpo.history.BestTrial;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's progress while a study runs, read every second from the trial log the job writes as each round
 * ends (the launcher and the workers share the output folder, on a cluster too, so embedded and cluster runs look
 * alike). Attached to a terminal it redraws one line in place: rounds and trials done of the study, best so far,
 * elapsed time and an ETA. Otherwise (CI, cron, a log file) it prints one plain line per finished round; a round
 * rewritten after a failover is not printed twice.
 */
final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");

  private final StudySpec spec;
  private final TrialLog log;
  private final int firstRound;
  private final PrintStream terminal;
  private final LongSupplier clock;
  private ScheduledExecutorService timer;
  private String logState = "";
  private List<TrialResult> results = List.of();
  private int printedRounds;
  private int lastWidth;

  /** @param terminal where the live line is drawn; null for plain round lines */
  Progress(StudySpec spec, Path output, int firstRound, PrintStream terminal, LongSupplier clock) {
    this.spec = spec;
    this.log = new TrialLog(output);
    this.firstRound = firstRound;
    this.terminal = terminal;
    this.clock = clock;
    this.printedRounds = firstRound;
  }

  /** Starts watching until {@link #close}: a live line when a terminal is attached, plain round lines otherwise. */
  static Progress start(Study study) {
    PrintStream terminal = System.console() != null ? System.out : null;
    Progress progress =
        new Progress(study.spec(), study.output(), study.startHistory().getRoundsDone(), terminal, System::currentTimeMillis);
    progress.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "llm-hpo-progress");
              t.setDaemon(true);
              return t;
            });
    progress.timer.scheduleWithFixedDelay(progress::update, 0, 1, TimeUnit.SECONDS);
    return progress;
  }

  /** Reads the trial log if it changed, then draws the line or prints the rounds finished since the last look. */
  synchronized void update() {
    try {
      String state = logState();
      if (!state.equals(logState)) {
        results = log.readAll();
        logState = state;
      }
    } catch (RuntimeException e) {
      return; // a round file being replaced; the next tick reads it
    }
    if (terminal != null) {
      String line = line(clock.getAsLong());
      // The cursor goes back to the start, so a log line printed meanwhile overwrites this one rather than trailing
      // it; the next redraw then lands on the line below.
      terminal.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\r");
      terminal.flush();
      lastWidth = line.length();
    } else {
      printFinishedRounds();
    }
  }

  /**
   * Rounds and trials count the whole study, earlier runs included, so a continued study says "round 5/6", not
   * "round 1/2"; the ETA comes from this run's rounds.
   */
  String line(long nowMillis) {
    int roundsDone = Math.max(firstRound, results.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0));
    int earlierTrials = (int) results.stream().filter(r -> r.getTrial().getRound() < firstRound).count();
    long failed = results.stream().filter(r -> r.getStatus() == TrialStatus.FAILED).count();
    int ofRun = roundsDone - firstRound;
    double elapsed = elapsedSeconds(nowMillis);
    String eta =
        ofRun >= spec.getRounds()
            ? "retraining the best and writing the report"
            : ofRun == 0 ? "ETA --:--" : "ETA " + clock(elapsed / ofRun * (spec.getRounds() - ofRun));
    return String.format(
        "round %d/%d · %d/%d trials%s · %s · %s elapsed · %s",
        roundsDone,
        totalRounds(),
        results.size(),
        earlierTrials + spec.getRounds() * spec.getTrialsPerRound(),
        failed > 0 ? " (" + failed + " failed)" : "",
        best(results),
        clock(elapsed),
        eta);
  }

  private int totalRounds() {
    return firstRound + spec.getRounds();
  }

  private void printFinishedRounds() {
    int roundsDone = results.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0);
    for (int done = printedRounds + 1; done <= roundsDone; done++) {
      int rounds = done;
      List<TrialResult> upTo = results.stream().filter(r -> r.getTrial().getRound() < rounds).toList();
      long failed = upTo.stream().filter(r -> r.getStatus() == TrialStatus.FAILED).count();
      LOG.info(
          "round {}/{} · {} trials ({} failed) · {} · {} s",
          done,
          totalRounds(),
          upTo.size(),
          failed,
          best(upTo),
          String.format("%.1f", elapsedSeconds(clock.getAsLong())));
    }
    printedRounds = Math.max(printedRounds, roundsDone);
  }

  private String best(List<TrialResult> upTo) {
    return BestTrial.of(upTo, spec.getDirection())
        .map(b -> String.format("best %s %.5f (trial %d)", spec.getMetric(), b.getValue(), b.getTrial().getTrialId()))
        .orElse("best " + spec.getMetric() + " n/a");
  }

  private double elapsedSeconds(long nowMillis) {
    return Math.max(0, nowMillis - spec.getStartedAtMillis()) / 1000.0;
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
  }

  /** The round files' names, sizes and times: changes exactly when a round is written. */
  private String logState() {
    if (!Files.isDirectory(log.dir())) {
      return "";
    }
    StringBuilder state = new StringBuilder();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(log.dir(), "round-*.avro")) {
      for (Path f : files) {
        state.append(f.getFileName()).append(Files.size(f)).append(Files.getLastModifiedTime(f)).append(';');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state.toString();
  }

  /** Stops watching, takes a last look at the log and ends the live line. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    update();
    if (terminal != null) {
      terminal.println();
    }
  }
}

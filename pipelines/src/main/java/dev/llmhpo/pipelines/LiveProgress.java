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

/**
 * The launcher's live progress line while a study runs attached to a terminal, redrawn in place every second:
 * rounds and trials done of this run, best so far, elapsed time and an ETA from the rounds done. It reads the trial
 * log the job writes as each round ends (the launcher and the workers share the output folder, on a cluster too).
 */
final class LiveProgress implements AutoCloseable {
  private final StudySpec spec;
  private final TrialLog log;
  private final int firstRound;
  private final PrintStream out;
  private final LongSupplier clock;
  private ScheduledExecutorService timer;
  private String logState = "";
  private List<TrialResult> results = List.of();
  private int lastWidth;

  LiveProgress(StudySpec spec, Path output, int firstRound, PrintStream out, LongSupplier clock) {
    this.spec = spec;
    this.log = new TrialLog(output);
    this.firstRound = firstRound;
    this.out = out;
    this.clock = clock;
  }

  /** Starts redrawing every second until {@link #close}. */
  static LiveProgress start(Study study, PrintStream out) {
    LiveProgress progress =
        new LiveProgress(study.spec(), study.output(), study.startHistory().getRoundsDone(), out, System::currentTimeMillis);
    progress.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "llm-hpo-progress");
              t.setDaemon(true);
              return t;
            });
    progress.timer.scheduleAtFixedRate(progress::redraw, 0, 1, TimeUnit.SECONDS);
    return progress;
  }

  /** Draws the line once more, over the previous one. */
  synchronized void redraw() {
    try {
      String state = logState();
      if (!state.equals(logState)) {
        results = log.readAll();
        logState = state;
      }
    } catch (RuntimeException e) {
      return; // a round file being replaced; the next tick reads it
    }
    String line = line(clock.getAsLong());
    // The cursor goes back to the start, so a log line printed meanwhile overwrites this one rather than trailing it;
    // the next redraw then lands on the line below.
    out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\r");
    out.flush();
    lastWidth = line.length();
  }

  String line(long nowMillis) {
    List<TrialResult> ofRun = results.stream().filter(r -> r.getTrial().getRound() >= firstRound).toList();
    int roundsDone = ofRun.stream().mapToInt(r -> r.getTrial().getRound() + 1 - firstRound).max().orElse(0);
    long failed = ofRun.stream().filter(r -> r.getStatus() == TrialStatus.FAILED).count();
    double elapsed = Math.max(0, nowMillis - spec.getStartedAtMillis()) / 1000.0;
    String best =
        BestTrial.of(results, spec.getDirection())
            .map(b -> String.format("best %s %.5f (trial %d)", spec.getMetric(), b.getValue(), b.getTrial().getTrialId()))
            .orElse("best " + spec.getMetric() + " n/a");
    String eta =
        roundsDone >= spec.getRounds()
            ? "retraining the best and writing the report"
            : roundsDone == 0 ? "ETA --:--" : "ETA " + clock(elapsed / roundsDone * (spec.getRounds() - roundsDone));
    return String.format(
        "round %d/%d · %d/%d trials%s · %s · %s elapsed · %s",
        roundsDone,
        spec.getRounds(),
        ofRun.size(),
        spec.getRounds() * spec.getTrialsPerRound(),
        failed > 0 ? " (" + failed + " failed)" : "",
        best,
        clock(elapsed),
        eta);
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

  /** Stops redrawing, draws the final state and ends the line. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    redraw();
    out.println();
  }
}

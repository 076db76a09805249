package dev.llmhpo.pipelines;

import dev.llmhpo.history.Histories;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's progress lines for a job on a cluster. There the rounds end on TaskManagers, whose logs get the
 * worker's own progress lines; the launcher sees the shared output folder, so it prints a line for each round file
 * that appears in the trial log. A round rerun after a failover is not printed twice.
 */
final class TrialLogProgress implements AutoCloseable {
  private final StudySpec spec;
  private final TrialLog log;
  private final int firstRound;
  private final ProgressLine line;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "trial-log-progress");
            t.setDaemon(true);
            return t;
          });
  private int printedRounds;

  private TrialLogProgress(Study study) {
    this.spec = study.spec();
    this.log = new TrialLog(study.output());
    this.firstRound = study.startHistory().getRoundsDone();
    this.line = new ProgressLine(firstRound);
    this.printedRounds = firstRound;
  }

  static TrialLogProgress watch(Study study) {
    TrialLogProgress progress = new TrialLogProgress(study);
    progress.poller.scheduleWithFixedDelay(progress::poll, 2, 2, TimeUnit.SECONDS);
    return progress;
  }

  private synchronized void poll() {
    try {
      List<TrialResult> logged = log.readAll();
      int roundsDone = logged.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0);
      for (int done = printedRounds + 1; done <= roundsDone; done++) {
        int rounds = done;
        List<TrialResult> upTo = logged.stream().filter(r -> r.getTrial().getRound() < rounds).toList();
        line.roundFinished(spec, Histories.of(spec.getStudyId(), done, upTo, spec.getDirection()));
      }
      printedRounds = Math.max(printedRounds, roundsDone);
    } catch (RuntimeException e) {
      // A round file being replaced right now; the next poll reads it whole.
    }
  }

  /** A last look at the log, then stops watching. */
  @Override
  public void close() {
    poller.shutdownNow();
    poll();
  }
}

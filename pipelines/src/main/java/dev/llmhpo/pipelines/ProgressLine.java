package dev.llmhpo.pipelines;

import dev.llmhpo.history.RoundListener;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One console line per finished round: round r/R, trials done, best so far, elapsed. */
class ProgressLine implements RoundListener {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private final int firstRound;

  ProgressLine(int firstRound) {
    this.firstRound = firstRound;
  }

  @Override
  public void roundFinished(StudySpec spec, History history) {
    long failed = history.getResults().stream().filter(r -> r.getStatus() == TrialStatus.FAILED).count();
    TrialResult best = history.getBest();
    LOG.info(
        "round {}/{} · {} trials ({} failed) · best {} {} · {} s",
        history.getRoundsDone() - firstRound,
        spec.getRounds(),
        history.getResults().size(),
        failed,
        spec.getMetric(),
        best == null ? "n/a" : String.format("%.5f (trial %d)", best.getValue(), best.getTrial().getTrialId()),
        String.format("%.1f", (System.currentTimeMillis() - spec.getStartedAtMillis()) / 1000.0));
  }
}

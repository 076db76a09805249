package dev.llmhpo.io;

import dev.llmhpo.history.RoundListener;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.List;

/** Writes each finished round's results to the trial log as the round ends. */
public class TrialLogWriter implements RoundListener {
  private final String outputDir;

  public TrialLogWriter(String outputDir) {
    this.outputDir = outputDir;
  }

  @Override
  public void roundFinished(StudySpec spec, History history) {
    int round = history.getRoundsDone() - 1;
    List<TrialResult> ofRound =
        history.getResults().stream().filter(r -> r.getTrial().getRound() == round).toList();
    new TrialLog(Path.of(outputDir)).writeRound(round, ofRound);
  }
}

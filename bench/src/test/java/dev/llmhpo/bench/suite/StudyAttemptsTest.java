package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StudyAttemptsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static TrialResult finishedAt(int id, long millis) {
    Trial trial = Trial.newBuilder().setStudyId("s").setTrialId(id).setRound(id).setParams(Map.of())
        .setProposer("random").build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(TrialStatus.COMPLETE).setValue(0.5)
        .setFinishedAtMillis(millis).build();
  }

  @Test
  public void theGapBetweenAKillAndTheResumeIsNotCounted() {
    Path dir = tmp.getRoot().toPath();
    // attempt 1 starts at 0 s, finishes a trial at 4 s and is killed; attempt 2 starts at 100 s and ends at 110 s.
    StudyAttempts attempts = StudyAttempts.read(dir).start(dir, 0).start(dir, 100_000);
    assertThat(StudyAttempts.read(dir).count(), equalTo(2));
    List<TrialResult> trials = List.of(finishedAt(0, 4_000), finishedAt(1, 106_000));
    assertThat(attempts.totalSeconds(trials, 110_000), closeTo(14, 1e-9));
    double[] seconds = attempts.studySeconds(trials, 110_000);
    assertThat(seconds[0], closeTo(4, 1e-9));
    assertThat(seconds[1], closeTo(10, 1e-9)); // 4 s of attempt 1, then 6 s into attempt 2
  }
}

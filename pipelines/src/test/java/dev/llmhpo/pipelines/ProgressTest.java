package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ProgressTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final long START = 1_000_000L;

  private static StudySpec spec() {
    return StudySpec.newBuilder()
        .setStudyId("s")
        .setDataSource(DataSource.newBuilder().setTrainPath("t.csv").setTarget("y").build())
        .setTask(TaskType.BINARY)
        .setMetric("logloss")
        .setDirection(Direction.MINIMIZE)
        .setSpace(SearchSpace.xgboostDefault().params())
        .setRounds(3)
        .setTrialsPerRound(2)
        .setSeed(1)
        .setProposer("tpe")
        .setStartedAtMillis(START)
        .build();
  }

  private static TrialResult result(int id, int round, TrialStatus status, Double value) {
    Trial trial = Trial.newBuilder().setStudyId("s").setTrialId(id).setRound(round).setParams(Map.of()).setProposer("tpe").build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(status).setValue(value).build();
  }

  @Test
  public void theLineIsRedrawnInPlaceFromTheTrialLog() throws Exception {
    Path out = tmp.getRoot().toPath();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(START + 5_000);
    Progress progress = new Progress(spec(), out, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

    progress.update();
    assertThat(bytes.toString(StandardCharsets.UTF_8), equalTo("\rround 0/3 · 0/6 trials · best logloss n/a · 0:05 elapsed · ETA --:--\r"));

    new TrialLog(out).writeRound(0, List.of(result(0, 0, TrialStatus.COMPLETE, 0.31), result(1, 0, TrialStatus.FAILED, null)));
    now.set(START + 40_000);
    bytes.reset();
    progress.update();
    assertThat(
        bytes.toString(StandardCharsets.UTF_8),
        startsWith("\rround 1/3 · 2/6 trials (1 failed) · best logloss 0.31000 (trial 0) · 0:40 elapsed · ETA 1:20"));

    new TrialLog(out).writeRound(1, List.of(result(2, 1, TrialStatus.COMPLETE, 0.29), result(3, 1, TrialStatus.COMPLETE, 0.35)));
    new TrialLog(out).writeRound(2, List.of(result(4, 2, TrialStatus.COMPLETE, 0.4), result(5, 2, TrialStatus.COMPLETE, 0.5)));
    bytes.reset();
    progress.close();
    assertThat(
        bytes.toString(StandardCharsets.UTF_8),
        startsWith("\rround 3/3 · 6/6 trials (1 failed) · best logloss 0.29000 (trial 2) · 0:40 elapsed · retraining"));
    assertThat(bytes.toString(StandardCharsets.UTF_8), endsWith("\r" + System.lineSeparator()));
  }

  @Test
  public void aResumedStudyCountsTheWholeStudysRounds() throws Exception {
    Path out = tmp.getRoot().toPath();
    new TrialLog(out).writeRound(0, List.of(result(0, 0, TrialStatus.COMPLETE, 0.2)));
    new TrialLog(out).writeRound(1, List.of(result(1, 1, TrialStatus.COMPLETE, 0.3), result(2, 1, TrialStatus.COMPLETE, 0.3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(spec(), out, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> START + 10_000);
    progress.update();
    assertThat(
        bytes.toString(StandardCharsets.UTF_8),
        startsWith("\rround 2/4 · 3/7 trials · best logloss 0.20000 (trial 0) · 0:10 elapsed · ETA 0:20"));
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code tune} on an --output whose trial log is damaged stops before anything is read or written, exit 2. */
public class TuneOnDamagedLogTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aRoundCutShortStopsTheRunNamingTheFileAndNothingIsRewritten() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    Path out = tmp.newFolder("study").toPath();
    TrialLog log = new TrialLog(out);
    log.writeRound(0, List.of(result(out, 0, 0), result(out, 1, 0)));
    log.writeRound(1, List.of(result(out, 2, 1), result(out, 3, 1)));
    Path round1 = log.dir().resolve("round-00001.avro");
    byte[] bytes = Files.readAllBytes(round1);
    byte[] damaged = Arrays.copyOf(bytes, bytes.length - 16 - 5);
    Files.write(round1, damaged);
    String[] args = {"--train=" + csv, "--target=label", "--resume", "--rounds=1", "--output=" + out};

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StudyFixtures.prepare(TuneCommand.parse(args), 1));
    assertThat(e.getMessage(), containsString(round1 + ": damaged: cut short: it holds 1 of its 2 trials (lost: trial 3)"));
    assertThat(TuneCommand.main(args), equalTo(2));

    assertThat(Files.readAllBytes(round1), equalTo(damaged));
    assertThat("nothing of the run was written", Files.exists(out.resolve("study.avro")), equalTo(false));
    assertThat(Files.exists(out.resolve("data-card.json")), equalTo(false));
  }

  private static TrialResult result(Path out, int id, int round) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId(out.getFileName().toString())
            .setTrialId(id)
            .setRound(round)
            .setParams(Map.of("max_depth", 3L))
            .setProposer("random")
            .build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(TrialStatus.COMPLETE).setValue(0.5).build();
  }
}

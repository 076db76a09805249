package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Repair moves damaged rounds aside, never deletes, keeps what is intact and keeps lost trial ids taken. */
public class TrialLogRepairTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TrialLog log;
  private Path round1;

  @Before
  public void twoRoundsOfFourTrials() {
    log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(0, TrialLogDamageTest.results(0, 0, 4));
    log.writeRound(1, TrialLogDamageTest.results(1, 4, 4));
    round1 = log.dir().resolve("round-00001.avro");
  }

  @Test
  public void aRoundCutShortKeepsItsIntactTrialsAndLogsTheLostOneAsFailed() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    byte[] damaged = Arrays.copyOf(bytes, bytes.length - 21);
    Files.write(round1, damaged);

    List<TrialLogRepair.Repair> repairs = TrialLogRepair.repair(log);

    assertThat(repairs, hasSize(1));
    Path aside = repairs.get(0).movedTo();
    assertThat(aside.getParent(), equalTo(log.dir().resolve("damaged")));
    assertThat(aside.getFileName().toString(), matchesPattern("round-00001\\.avro\\.\\d{8}T\\d{6}\\.\\d{3}Z"));
    assertThat("the damaged file is kept as it was", Files.readAllBytes(aside), equalTo(damaged));
    assertThat(
        repairs.get(0).line(),
        equalTo(round1 + ": damaged: cut short: it holds 3 of its 4 trials (lost: trial 7); moved to " + aside
            + "; kept trials 4..6; trial 7 lost, logged as FAILED so the ids are not reused"));

    List<TrialResult> all = log.readAll();
    assertThat(all.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 8).boxed().toList()));
    assertThat(all.subList(0, 7), equalTo(Stream.concat(TrialLogDamageTest.results(0, 0, 4).stream(), TrialLogDamageTest.results(1, 4, 3).stream()).toList()));
    TrialResult lost = all.get(7);
    assertThat(lost.getStatus(), equalTo(TrialStatus.FAILED));
    assertThat(lost.getTrial().getRound(), equalTo(1));
    assertThat(lost.getTrial().getStudyId(), equalTo("adult"));
    assertThat(lost.getError(), startsWith("lost: its record in round-00001.avro was damaged (cut short"));
    assertThat(lost.getError(), containsString(aside.toString()));
    assertThat(log.check().get(1).line(), equalTo(round1 + ": verified, 4 trials"));
    assertThat("a repaired log has nothing left to repair", TrialLogRepair.repair(log), empty());
  }

  @Test
  public void aFileWhoseHeaderIsGoneIsOnlyMovedAside() throws Exception {
    Files.write(round1, new byte[0]);

    List<TrialLogRepair.Repair> repairs = TrialLogRepair.repair(log);

    assertThat(repairs.get(0).line(), containsString("nothing of it kept; which trials it held is not known"));
    assertThat(Files.size(repairs.get(0).movedTo()), equalTo(0L));
    assertThat(Files.exists(round1), equalTo(false));
    assertThat(log.readAll(), equalTo(TrialLogDamageTest.results(0, 0, 4)));
  }

  @Test
  public void garbageAfterAWholeRoundLosesNothing() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    Files.write(round1, Arrays.copyOf(bytes, bytes.length + 9));

    List<TrialLogRepair.Repair> repairs = TrialLogRepair.repair(log);

    assertThat(repairs.get(0).line(), containsString("kept trials 4..7; no trial lost"));
    assertThat(log.readAll().subList(4, 8), equalTo(TrialLogDamageTest.results(1, 4, 4)));
    try (Stream<Path> aside = Files.list(log.dir().resolve("damaged"))) {
      assertThat(aside.map(p -> p.getFileName().toString().substring(0, 16)).toList(), contains("round-00001.avro"));
    }
  }
}

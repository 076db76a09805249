package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A damaged round file never reads as a smaller round: reading the log stops, naming the file and the damage. */
public class TrialLogDamageTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TrialLog log;
  private Path round1;

  @Before
  public void twoRoundsOfFourTrials() {
    log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(0, results(0, 0, 4));
    log.writeRound(1, results(1, 4, 4));
    round1 = log.dir().resolve("round-00001.avro");
  }

  @Test
  public void aFileCutShortInsideItsLastBlockNamesTheTrialItLost() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    Files.write(round1, Arrays.copyOf(bytes, bytes.length - 16 - 5)); // inside the last trial's data

    assertThat(damage(), containsString(round1 + ": damaged: cut short: it holds 3 of its 4 trials (lost: trial 7)"));
  }

  @Test
  public void halfAFileIsCutShortInItsHeader() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    Files.write(round1, Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(damage(), containsString(round1 + ": damaged: cut short in its header"));
  }

  @Test
  public void garbageAppendedAfterTheLastBlockIsNamedAsSuch() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 23);
    Arrays.fill(longer, bytes.length, longer.length, (byte) 0x5a);
    Files.write(round1, longer);

    assertThat(damage(), containsString(round1 + ": damaged: 23 bytes appended after its last block: its 4 trials are intact"));
  }

  @Test
  public void anEmptyFileIsNamed() throws Exception {
    Files.write(round1, new byte[0]);

    assertThat(damage(), containsString(round1 + ": damaged: empty"));
  }

  @Test
  public void aFileThatIsNotAvroIsNamed() throws Exception {
    Files.writeString(round1, "trial,round\n4,1\n");

    assertThat(damage(), containsString(round1 + ": damaged: not an Avro file"));
  }

  @Test
  public void aFlippedByteInATrialsDataLosesThatTrial() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    bytes[bytes.length - 16 - 5] ^= 0x01;
    Files.write(round1, bytes);

    String damage = damage();
    assertThat(damage, containsString(round1 + ": damaged: "));
    assertThat(damage, containsString("it holds 3 of its 4 trials (lost: trial 7)"));
  }

  @Test
  public void theMessageIsOneLineThatSaysTheLogWasLeftAsItIsAndHowToRepair() throws Exception {
    Files.write(round1, new byte[0]);

    String damage = damage();
    assertThat(damage, not(containsString("\n")));
    assertThat(damage, containsString("the trial log is damaged and was left as it is"));
    assertThat(damage, containsString("trials --output=" + tmp.getRoot().toPath() + " --repair"));
    assertThat("the damaged file is left as it was", Files.size(round1), equalTo(0L));
  }

  private String damage() {
    return assertThrows(IllegalArgumentException.class, log::readAll).getMessage();
  }

  /** {@code count} trials of round {@code round}, ids from {@code firstId}, with the fields a real trial has. */
  static List<TrialResult> results(int round, int firstId, int count) {
    List<TrialResult> results = new ArrayList<>();
    for (int id = firstId; id < firstId + count; id++) {
      Trial trial =
          Trial.newBuilder()
              .setStudyId("adult")
              .setTrialId(id)
              .setRound(round)
              .setParams(Map.of("eta", 0.01 * (id + 1), "max_depth", (long) (2 + id % 9)))
              .setProposer("tpe")
              .setRationale("trial " + id + " of round " + round)
              .build();
      results.add(
          TrialResult.newBuilder()
              .setTrial(trial)
              .setStatus(TrialStatus.COMPLETE)
              .setValue(0.3 - 0.001 * id)
              .setMetrics(Map.of("logloss", 0.3 - 0.001 * id, "auc", 0.9))
              .setBestIteration(40 + id)
              .setTrainSeconds(1.5)
              .setWorker("w" + id % 2)
              .setFinishedAtMillis(1_700_000_000_000L + id)
              .build());
    }
    return results;
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code trials}: listing, {@code --verify} and {@code --repair} of a study's trial log. */
public class TrialsCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path out;
  private Path round1;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Before
  public void twoRoundsOfFourTrials() throws Exception {
    out = tmp.newFolder("study").toPath();
    TrialLog log = new TrialLog(out);
    log.writeRound(0, round(0, 0, 4));
    log.writeRound(1, round(1, 4, 4));
    round1 = log.dir().resolve("round-00001.avro");
  }

  @Test
  public void verifySaysEachRoundFileIsWhole() {
    assertThat(trials("--output=" + out, "--verify"), equalTo(0));
    assertThat(
        printed.toString(),
        equalTo(
            lines(
                out.resolve("trials/round-00000.avro") + ": verified, 4 trials",
                round1 + ": verified, 4 trials",
                "2 round files: 2 verified, 0 unverifiable (written before checksums), 0 damaged")));
  }

  @Test
  public void aDamagedRoundFileIsNamedWithWhatIsWrongAndExits2() throws Exception {
    cutShortInItsLastTrial();

    assertThat(trials("--output=" + out, "--verify"), equalTo(2));
    assertThat(printed.toString(), containsString(round1 + ": damaged: cut short: it holds 3 of its 4 trials (lost: trial 7)\n"));
    assertThat(printed.toString(), containsString("2 round files: 1 verified, 0 unverifiable (written before checksums), 1 damaged"));
    assertThat(printed.toString(), containsString("'trials --output=" + out + " --repair' moves damaged round files aside"));

    printed.reset();
    assertThat("the listing does not call a damaged log clean", trials("--output=" + out), equalTo(2));
    assertThat(printed.toString(), containsString("4 trials in 1 rounds: 4 COMPLETE; trial ids 0..3, each once\nerror: " + round1 + ": damaged: cut short"));
  }

  @Test
  public void repairMovesTheDamagedRoundAsideAndTheLogIsWholeAgain() throws Exception {
    byte[] damaged = cutShortInItsLastTrial();

    assertThat(trials("--output=" + out, "--repair"), equalTo(0));
    assertThat(printed.toString(), containsString("; moved to " + out.resolve("trials/damaged/round-00001.avro.")));
    assertThat(printed.toString(), containsString("; kept trials 4..6; trial 7 lost, logged as FAILED so the ids are not reused\n"));
    try (var aside = Files.list(out.resolve("trials/damaged"))) {
      assertThat(Files.readAllBytes(aside.findFirst().orElseThrow()), equalTo(damaged));
    }

    printed.reset();
    assertThat(trials("--output=" + out, "--verify"), equalTo(0));
    printed.reset();
    assertThat(trials("--output=" + out), equalTo(0));
    assertThat(printed.toString(), containsString("8 trials in 2 rounds: 7 COMPLETE, 1 FAILED; trial ids 0..7, each once"));

    printed.reset();
    assertThat(trials("--output=" + out, "--repair"), equalTo(0));
    assertThat(printed.toString(), containsString("nothing to repair"));
  }

  @Test
  public void aRoundWrittenBeforeChecksumsIsUnverifiableNotDamaged() throws Exception {
    Path legacy = out.resolve("trials/round-00000.avro");
    try (DataFileWriter<TrialResult> writer = new DataFileWriter<>(new SpecificDatumWriter<>(TrialResult.class))) {
      writer.create(TrialResult.getClassSchema(), legacy.toFile()); // no llm-hpo entries, as before checksums
      for (TrialResult r : round(0, 0, 4)) {
        writer.append(r);
      }
    }

    assertThat(trials("--output=" + out, "--verify"), equalTo(0));
    assertThat(printed.toString(), containsString(legacy + ": unverifiable (written before checksums), 4 trials\n"));
    assertThat(printed.toString(), containsString("2 round files: 1 verified, 1 unverifiable (written before checksums), 0 damaged"));
    printed.reset();
    assertThat(trials("--output=" + out), equalTo(0));
    assertThat(printed.toString(), containsString("8 trials in 2 rounds: 8 COMPLETE; trial ids 0..7, each once"));
  }

  @Test
  public void badArgumentsAndAFolderWithoutALogExit2() throws Exception {
    assertThat(trials("--output=" + out, "--verify", "--repair"), equalTo(2));
    assertThat(trials("--verify"), equalTo(2));
    assertThat(trials("--output=" + out, "--fix"), equalTo(2));
    assertThat(trials("--output=" + tmp.newFolder("none"), "--verify"), equalTo(2));
    assertThat(printed.toString(), not(containsString("Exception")));
  }

  private int trials(String... args) {
    return TrialsCommand.main(args, new PrintStream(printed, true));
  }

  private byte[] cutShortInItsLastTrial() throws Exception {
    byte[] bytes = Files.readAllBytes(round1);
    byte[] damaged = Arrays.copyOf(bytes, bytes.length - 16 - 5); // inside the last trial's block
    Files.write(round1, damaged);
    return damaged;
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static List<TrialResult> round(int round, int firstId, int count) {
    List<TrialResult> results = new ArrayList<>();
    for (int id = firstId; id < firstId + count; id++) {
      Trial trial =
          Trial.newBuilder().setStudyId("study").setTrialId(id).setRound(round).setParams(Map.of("max_depth", 3L)).setProposer("random").build();
      results.add(TrialResult.newBuilder().setTrial(trial).setStatus(TrialStatus.COMPLETE).setValue(0.5).build());
    }
    return results;
  }
}

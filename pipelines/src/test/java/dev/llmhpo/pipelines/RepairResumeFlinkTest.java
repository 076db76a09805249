package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A study whose last round file was cut short: the next run stops (exit 2) and leaves it as it is; after
 * {@code trials --repair} the study continues on embedded Flink, and no trial id of the damaged round is reused.
 */
public class RepairResumeFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void afterRepairTheStudyContinuesWithoutReusingTheLostTrialsIds() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Path out = tmp.newFolder("nightly").toPath();
    String[] nightly = {
      "--train=" + csv, "--target=label", "--rounds=2", "--trialsPerRound=3", "--maxBoostRounds=5",
      "--proposer=random", "--parallelism=2", "--output=" + out
    };
    assertThat(TuneCommand.main(nightly), equalTo(0));
    List<TrialResult> before = StudyFixtures.trialLog(out);
    Path round1 = out.resolve("trials/round-00001.avro");
    byte[] bytes = Files.readAllBytes(round1);
    byte[] damaged = Arrays.copyOf(bytes, bytes.length - 16 - 5); // the disk filled up inside trial 5
    Files.write(round1, damaged);

    assertThat(TuneCommand.main(nightly), equalTo(2));
    assertThat("the damaged file is left as it is", Files.readAllBytes(round1), equalTo(damaged));

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    assertThat(TrialsCommand.main(new String[] {"--output=" + out, "--repair"}, new PrintStream(printed, true)), equalTo(0));
    assertThat(TuneCommand.main(nightly), equalTo(0));

    List<TrialResult> after = StudyFixtures.trialLog(out);
    assertThat(after.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 12).boxed().toList()));
    assertThat("the intact trials are kept as they were", after.subList(0, 5), equalTo(before.subList(0, 5)));
    assertThat(after.get(5).getStatus(), equalTo(TrialStatus.FAILED));
    assertThat(after.get(5).getError(), startsWith("lost: "));
    assertThat(after.subList(6, 12).stream().map(r -> r.getTrial().getRound()).distinct().toList(), equalTo(List.of(2, 3)));
    try (var aside = Files.list(out.resolve("trials/damaged"))) {
      assertThat(Files.readAllBytes(aside.findFirst().orElseThrow()), equalTo(damaged));
    }
  }
}

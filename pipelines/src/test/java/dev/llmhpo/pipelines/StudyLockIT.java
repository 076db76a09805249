package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.llmhpo.schema.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Two launchers on one --output, as a cron overlap makes them: the second exits 2 at once, naming the first. */
public class StudyLockIT {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  @Rule public ChildProcesses processes = new ChildProcesses();

  @Test
  public void aSecondLauncherOnTheSameOutputIsRefusedAndTheFirstKeepsItsTrials() throws Exception {
    Path out = tmp.newFolder("study").toPath();
    List<String> study = StudyFixtures.slowStudy(tmp.getRoot().toPath(), out);

    Path firstLog = tmp.getRoot().toPath().resolve("first.log");
    Process first = processes.tune(firstLog, concat(study, "--rounds=40")); // minutes of work: it outlives the check
    Path firstRound = out.resolve("trials/round-00000.avro");
    ChildProcesses.awaitFile(firstRound, first, Duration.ofMinutes(3));
    assertThat(ChildProcesses.tail(firstLog), first.isAlive(), is(true));

    Path secondLog = tmp.getRoot().toPath().resolve("second.log");
    int second = ChildProcesses.exitCode(processes.tune(secondLog, concat(study, "--rounds=1")), Duration.ofMinutes(2), secondLog);
    String refused = Files.readString(secondLog);
    assertThat(refused, second, equalTo(2));
    assertThat(refused, containsString("is in use by another run of this study: pid " + first.pid()));
    assertThat(refused, containsString(out.resolve(".lock").toString()));

    assertThat("the first run was still running when the second was refused", first.isAlive(), is(true));

    first.destroyForcibly().waitFor();
    List<TrialResult> log = StudyFixtures.trialLog(out); // the first run's whole rounds, nothing of the second
    assertThat(log.size() % 2, equalTo(0));
    assertThat(log.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, log.size()).boxed().toList()));
  }

  private static List<String> concat(List<String> a, String b) {
    return Stream.concat(a.stream(), Stream.of(b)).toList();
  }
}

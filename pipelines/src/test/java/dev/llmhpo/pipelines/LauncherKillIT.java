package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import dev.llmhpo.schema.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The launcher (which is the whole job on embedded Flink) dies by SIGKILL mid-study: every round it had logged
 * is still there and readable, and the rerun continues from it.
 */
public class LauncherKillIT {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  @Rule public ChildProcesses processes = new ChildProcesses();

  @Test
  public void aKilledStudyLosesNoLoggedRoundAndTheRerunContinuesIt() throws Exception {
    Path out = tmp.newFolder("killed").toPath();
    List<String> study = StudyFixtures.slowStudy(tmp.getRoot().toPath(), out);

    Path log = tmp.getRoot().toPath().resolve("first.log");
    Process first = processes.tune(log, concat(study, "--rounds=40"));
    Path secondRound = out.resolve("trials/round-00001.avro");
    ChildProcesses.awaitFile(secondRound, first, Duration.ofMinutes(4));
    assertThat(ChildProcesses.tail(log), first.isAlive(), is(true));
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally
    assertThat(Files.exists(out.resolve("summary.json")), is(false));

    List<TrialResult> survived = StudyFixtures.trialLog(out); // whole rounds only: a half-written one never shows
    int rounds = survived.size() / 2;
    assertThat(rounds, greaterThanOrEqualTo(2));
    assertThat(survived.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 2 * rounds).boxed().toList()));

    Path log2 = tmp.getRoot().toPath().resolve("rerun.log");
    assertThat(ChildProcesses.exitCode(processes.tune(log2, concat(study, "--rounds=2")), Duration.ofMinutes(4), log2), equalTo(0));
    List<TrialResult> all = StudyFixtures.trialLog(out);
    assertThat(all.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 2 * rounds + 4).boxed().toList()));
    assertThat(all.subList(0, survived.size()), equalTo(survived));
    assertThat(all.get(all.size() - 1).getTrial().getRound(), equalTo(rounds + 1));
  }

  @Test
  public void ctrlCSaysWhatWasKeptAndHowToContinue() throws Exception {
    Path out = tmp.newFolder("interrupted").toPath();
    Path log = tmp.getRoot().toPath().resolve("interrupted.log");
    Process run = processes.tune(log, concat(StudyFixtures.slowStudy(tmp.getRoot().toPath(), out), "--rounds=40"));
    ChildProcesses.awaitFile(out.resolve("trials/round-00000.avro"), run, Duration.ofMinutes(4));
    assertThat(ChildProcesses.tail(log), run.isAlive(), is(true));
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor(); // what Ctrl-C sends
    ChildProcesses.exitCode(run, Duration.ofMinutes(1), log);

    int rounds = StudyFixtures.trialLog(out).size() / 2;
    assertThat(
        ChildProcesses.tail(log),
        containsString("stopped: " + out + " keeps the " + rounds + " logged round(s), " + 2 * rounds + " trial(s);"
            + " the round in progress is lost. Run the same command again to continue the study."));
  }

  private static List<String> concat(List<String> a, String b) {
    return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A TaskManager dies (SIGKILL) while a round's trials train: Flink restarts the job by the restart strategy in
 * flink-conf/, a replacement TaskManager joins, and the trial log ends with every planned trial exactly once.
 */
public class TaskManagerLossIT {
  @Rule public LocalFlinkCluster cluster = new LocalFlinkCluster(2);
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  @Rule public ChildProcesses processes = new ChildProcesses();

  @Test
  public void aStudyOutlivesALostTaskManagerWithEveryTrialLoggedOnce() throws Exception {
    Path out = tmp.newFolder("adult-tm-loss").toPath();
    Path log = tmp.getRoot().toPath().resolve("tune.log");
    Process tune =
        processes.tune(
            log,
            List.of(
                "--flinkMaster=" + cluster.master(),
                "--flinkConfDir=" + LocalFlinkCluster.CONF_DIR,
                "--dataset=adult",
                "--dataDir=" + StudyFixtures.adultDir().toAbsolutePath(),
                "--rounds=3",
                "--trialsPerRound=4",
                "--maxBoostRounds=200",
                "--output=" + out));

    // Round 1 is logged, so round 2's trials are training now: lose a TaskManager, then bring a new one.
    Path firstRound = out.resolve("trials/round-00000.avro");
    ChildProcesses.awaitFile(firstRound, tune, Duration.ofMinutes(5));
    assertThat("round 1 logged while the job runs:\n" + ChildProcesses.tail(log), Files.exists(firstRound) && tune.isAlive(), is(true));
    Thread.sleep(1000);
    long victim = cluster.taskManagerPids().get(0);
    cluster.killTaskManager(victim);
    cluster.addTaskManager();

    int exit = ChildProcesses.exitCode(tune, Duration.ofMinutes(8), log);
    assertThat(ChildProcesses.tail(log), exit, equalTo(0));

    // Every planned trial exactly once: ids 0..11, four per round, none lost, none twice.
    List<TrialResult> trials = StudyFixtures.trialLog(out);
    Map<Integer, Long> copies =
        trials.stream().collect(Collectors.groupingBy(r -> r.getTrial().getTrialId(), TreeMap::new, Collectors.counting()));
    Map<Integer, Long> once = IntStream.range(0, 12).boxed().collect(Collectors.toMap(Function.identity(), i -> 1L));
    assertThat(copies, equalTo(once));
    assertThat(trials.stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));
    Map<Integer, Long> perRound =
        trials.stream().collect(Collectors.groupingBy(r -> r.getTrial().getRound(), Collectors.counting()));
    assertThat(perRound, equalTo(Map.of(0, 4L, 1, 4L, 2, 4L)));

    // The job really failed over: Flink recorded the lost TaskManager, and finished after the restart.
    JsonNode job = cluster.rest("/jobs/overview").get("jobs").get(0);
    assertThat(job.get("state").asText(), equalTo("FINISHED"));
    JsonNode exceptions = cluster.rest("/jobs/" + job.get("jid").asText() + "/exceptions").at("/exceptionHistory/entries");
    assertThat(exceptions.toString(), exceptions.size(), greaterThan(0));
    assertThat(ProcessHandle.of(victim).isPresent(), is(false));
  }
}

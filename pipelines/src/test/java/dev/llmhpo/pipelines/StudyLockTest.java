package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Who holds a study's output folder, and when a lock left behind is stale. */
public class StudyLockTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final FlinkJobs NO_JOBS =
      new FlinkJobs() {
        @Override
        Optional<String> runningJobId(String restAddress, String jobName) {
          return Optional.empty();
        }
      };

  private static FlinkJobs running(String jobName, String jobId) {
    return new FlinkJobs() {
      @Override
      Optional<String> runningJobId(String restAddress, String name) {
        return name.equals(jobName) ? Optional.of(jobId) : Optional.empty();
      }
    };
  }

  private static void leftBehind(Path out, String host, Instant heartbeat, String jobName) throws Exception {
    Files.createDirectories(out);
    String job = jobName == null ? "" : ", \"jobManager\": \"jm:8081\", \"jobName\": \"" + jobName + "\"";
    Files.writeString(
        out.resolve(StudyLock.NAME),
        "{\"pid\": 999999999, \"host\": \"" + host + "\", \"startedAt\": \"" + heartbeat + "\", \"heartbeatAt\": \""
            + heartbeat + "\"" + job + "}");
  }

  @Test
  public void aSecondRunIsRefusedNamingTheHolder() {
    Path out = tmp.getRoot().toPath().resolve("study");
    try (StudyLock first = StudyLock.acquire(out, null, NO_JOBS)) {
      StudyLock.HeldException e = assertThrows(StudyLock.HeldException.class, () -> StudyLock.acquire(out, null, NO_JOBS));
      assertThat(e.getMessage(), containsString("pid " + ProcessHandle.current().pid()));
      assertThat(e.getMessage(), containsString("in use by another run"));
    }
    assertThat(Files.exists(out.resolve(StudyLock.NAME)), is(false));
    StudyLock.acquire(out, null, NO_JOBS).close(); // free again once released
  }

  @Test
  public void aLockOfADeadProcessOnThisHostIsTakenOver() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("study");
    leftBehind(out, InetAddress.getLocalHost().getHostName(), Instant.now(), null);
    try (StudyLock lock = StudyLock.acquire(out, null, NO_JOBS)) {
      assertThat(Files.readString(out.resolve(StudyLock.NAME)), containsString("\"pid\" : " + ProcessHandle.current().pid()));
    }
  }

  @Test
  public void aLockOfAnotherHostHoldsUntilItsHeartbeatIsStale() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("study");
    leftBehind(out, "other-host", Instant.now(), null);
    StudyLock.HeldException e = assertThrows(StudyLock.HeldException.class, () -> StudyLock.acquire(out, null, NO_JOBS));
    assertThat(e.getMessage(), containsString("pid 999999999 on other-host"));
    assertThat(e.getMessage(), containsString("heartbeat is"));

    leftBehind(out, "other-host", Instant.now().minusSeconds(120), null);
    StudyLock.acquire(out, null, NO_JOBS).close();
  }

  @Test
  public void aClusterJobThatStillRunsHoldsTheStudyAfterItsLauncherIsGone() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("study");
    leftBehind(out, InetAddress.getLocalHost().getHostName(), Instant.now().minusSeconds(600), "llm-hpo-study");
    StudyLock.HeldException e =
        assertThrows(StudyLock.HeldException.class, () -> StudyLock.acquire(out, null, running("llm-hpo-study", "abc123")));
    assertThat(e.getMessage(), containsString("its job llm-hpo-study (abc123) still runs on jm:8081"));
    assertThat(e.getMessage(), containsString("jobs/abc123?mode=cancel"));

    StudyLock.acquire(out, null, NO_JOBS).close(); // the job has ended: stale
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A study submitted to a real Flink 1.19 session cluster (1 JobManager + 2 TaskManagers, separate JVMs started
 * from the project's jars with {@code flink-conf/}): by {@code tune --flinkMaster=...}, continued by a second
 * {@code tune}, and by {@code flink run} (Flink's own CLI); its progress in the REST API; one native XGBoost per
 * TaskManager across all those jobs.
 */
public class FlinkClusterIT {
  @ClassRule public static LocalFlinkCluster cluster = new LocalFlinkCluster(2);
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  @Rule public ChildProcesses processes = new ChildProcesses();

  private List<String> study(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--flinkMaster=" + cluster.master(),
                "--flinkConfDir=" + LocalFlinkCluster.CONF_DIR,
                "--dataset=adult",
                "--dataDir=" + StudyFixtures.adultDir().toAbsolutePath(),
                "--trialsPerRound=2",
                "--maxBoostRounds=200",
                "--output=" + out));
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  public void studiesRunOnTheClusterShowTheirProgressInRestAndShareOneNativeXgboost() throws Exception {
    Path out = tmp.newFolder("adult-on-cluster").toPath();

    // 1. tune --flinkMaster=localhost:PORT: the launcher submits the shaded jar and prints each round.
    Path log = tmp.getRoot().toPath().resolve("tune.log");
    int exit = ChildProcesses.exitCode(processes.tune(log, study(out, "--rounds=2")), Duration.ofMinutes(5), log);
    String console = Files.readString(log);
    assertThat(console, exit, equalTo(0));
    assertThat(console, containsString("round 2/2 · 4 trials (0 failed)"));

    JsonNode job = finishedJob("llm-hpo-adult-on-cluster", 1);
    String jobId = job.get("jid").asText();
    Map<String, Long> counters = beamCounters(cluster.rest("/jobs/" + jobId + "/accumulators"));
    assertThat(counters.toString(), counters.getOrDefault("trials_completed", 0L), equalTo(4L));
    assertThat(counters.getOrDefault("trials_failed", 0L), equalTo(0L));
    // Every pipeline option is shown here, which is why no option may hold a secret.
    JsonNode options = cluster.rest("/jobs/" + jobId + "/config").at("/execution-config/user-config");
    assertThat(options.get("trialsPerRound").asText(), equalTo("2"));
    assertThat(options.get("output").asText(), equalTo(out.toString()));
    assertThat(job.at("/tasks/failed").asInt(), equalTo(0));

    // 2. The same command again continues the study: ids go on from 4, nothing is retrained.
    Path log2 = tmp.getRoot().toPath().resolve("tune2.log");
    assertThat(ChildProcesses.exitCode(processes.tune(log2, study(out, "--rounds=1")), Duration.ofMinutes(5), log2), equalTo(0));
    List<TrialResult> trials = StudyFixtures.trialLog(out);
    assertThat(trials.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 6).boxed().toList()));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/trials/completed").asInt(), equalTo(6));
    assertThat(summary.at("/test/auc").asDouble(), greaterThan(0.9));
    assertThat(beamCounters(cluster.rest("/jobs/" + finishedJob("llm-hpo-adult-on-cluster", 2).get("jid").asText() + "/accumulators"))
        .get("trials_completed"), equalTo(2L));

    // 3. flink run -c dev.llmhpo.pipelines.Main llm-hpo.jar tune ...: Flink's CLI (from the cluster's lib/)
    //    submits the same jar; the study takes the cluster and parallelism from the CLI's context.
    Path cliOut = tmp.newFolder("via-flink-run").toPath();
    Path cliLog = tmp.getRoot().toPath().resolve("flink-run.log");
    List<String> flinkRun =
        new ArrayList<>(
            List.of(
                "java",
                "-Dlog.file=" + tmp.getRoot().toPath().resolve("flink-cli.log"),
                "-Dlog4j.configurationFile=file:" + LocalFlinkCluster.CONF_DIR.resolve("log4j-cli.properties"),
                "-cp",
                LocalFlinkCluster.LIB_DIR + "/*",
                "org.apache.flink.client.cli.CliFrontend",
                "run",
                "-m",
                cluster.master(),
                "-c",
                Main.class.getName(),
                ChildProcesses.JAR.toString(),
                "tune",
                "--dataset=adult",
                "--dataDir=" + StudyFixtures.adultDir().toAbsolutePath(),
                "--rounds=1",
                "--trialsPerRound=2",
                "--maxBoostRounds=200",
                "--output=" + cliOut));
    Process cli = processes.start(cliLog, Map.of("FLINK_CONF_DIR", LocalFlinkCluster.CONF_DIR.toString()), flinkRun);
    int cliExit = ChildProcesses.exitCode(cli, Duration.ofMinutes(5), cliLog);
    assertThat(Files.readString(cliLog), cliExit, equalTo(0));
    assertThat(StudyFixtures.trialLog(cliOut), hasSize(2));
    assertThat(finishedJob("llm-hpo-via-flink-run", 1).at("/tasks/failed").asInt(), equalTo(0));

    // 4. Three jobs ran on each TaskManager, yet each maps XGBoost's native library once: XGBoost4J is in the
    //    cluster's lib/ and loaded parent-first (classloader.parent-first-patterns.additional: ml.dmlc.).
    for (long pid : cluster.taskManagerPids()) {
      assertThat("TaskManager pid " + pid, nativeXgboostCopies(pid), equalTo(1L));
    }
  }

  /** The finished jobs of that name, oldest first; returns the n-th (1-based). */
  private static JsonNode finishedJob(String name, int nth) throws Exception {
    List<JsonNode> jobs = new ArrayList<>();
    cluster.rest("/jobs/overview").get("jobs").forEach(jobs::add);
    List<JsonNode> named =
        jobs.stream()
            .filter(j -> j.get("name").asText().equals(name))
            .sorted((a, b) -> Long.compare(a.get("start-time").asLong(), b.get("start-time").asLong()))
            .toList();
    assertThat(named.toString(), named.size(), greaterThan(nth - 1));
    JsonNode job = named.get(nth - 1);
    assertThat(job.get("state").asText(), equalTo("FINISHED"));
    return job;
  }

  /**
   * Beam's counters as Flink's REST API shows them: the {@code __metricscontainers} accumulator, a JSON text whose
   * entries carry the counter's name and its value as a base64 varint; summed over the steps that report it.
   */
  static Map<String, Long> beamCounters(JsonNode accumulators) throws Exception {
    Map<String, Long> counters = new java.util.TreeMap<>();
    for (JsonNode accumulator : accumulators.get("user-task-accumulators")) {
      if (!accumulator.get("name").asText().equals("__metricscontainers")) {
        continue;
      }
      JsonNode metrics = new ObjectMapper().readTree(accumulator.get("value").asText());
      for (JsonNode metric : metrics.at("/metrics/attempted")) {
        if (metric.at("/labels/NAMESPACE").asText().equals("llm-hpo")) {
          counters.merge(metric.at("/labels/NAME").asText(), varint(Base64.getDecoder().decode(metric.get("payload").asText())), Long::sum);
        }
      }
    }
    return counters;
  }

  private static long varint(byte[] bytes) {
    long value = 0;
    for (int i = 0, shift = 0; i < bytes.length; i++, shift += 7) {
      value |= (long) (bytes[i] & 0x7f) << shift;
      if ((bytes[i] & 0x80) == 0) {
        break;
      }
    }
    return value;
  }

  /** Distinct files named libxgboost4j*.so mapped into the process. */
  static long nativeXgboostCopies(long pid) throws Exception {
    try (Stream<String> maps = Files.lines(Path.of("/proc", String.valueOf(pid), "maps"))) {
      return maps.map(line -> line.split("\\s+"))
          .filter(f -> f.length >= 6 && f[5].contains("libxgboost4j"))
          .map(f -> f[5])
          .distinct()
          .count();
    }
  }
}

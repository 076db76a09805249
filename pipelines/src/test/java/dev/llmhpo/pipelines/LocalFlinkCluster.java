package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.rules.ExternalResource;

/**
 * A real Flink session cluster for one test class, started and stopped by {@code flink-conf/local-cluster.sh}
 * with the project's {@code flink-conf/}: one JobManager and N TaskManagers, each its own JVM, on free ports and
 * with its own state folder under {@code target/}. Whatever happens in the test, every process whose pid the
 * script wrote is stopped afterwards: by the script, then by SIGKILL to any pid file left (and by a shutdown hook
 * if the test JVM itself is ended).
 */
final class LocalFlinkCluster extends ExternalResource {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path CONF_DIR = REPO.resolve("flink-conf");
  static final Path LIB_DIR = REPO.resolve("flink-cluster/target/lib");
  private static final Path SCRIPT = CONF_DIR.resolve("local-cluster.sh");

  private final int taskManagers;
  private final Thread killOnExit = new Thread(this::killAllPids);
  private final HttpClient http = HttpClient.newHttpClient();
  private Path stateDir;
  private int restPort;
  private int rpcPort;

  LocalFlinkCluster(int taskManagers) {
    this.taskManagers = taskManagers;
  }

  @Override
  protected void before() throws Throwable {
    if (!Files.isDirectory(LIB_DIR)) {
      throw new IllegalStateException(LIB_DIR + " is missing; build it with mvn install -DskipTests");
    }
    stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "flink-clusters")), "cluster-")
        .toAbsolutePath();
    restPort = freePort();
    rpcPort = freePort();
    Runtime.getRuntime().addShutdownHook(killOnExit);
    try {
      script(Duration.ofMinutes(4), "start", String.valueOf(taskManagers));
    } catch (Throwable e) {
      after(); // JUnit skips after() when before() fails
      throw e;
    }
  }

  @Override
  protected void after() {
    try {
      script(Duration.ofMinutes(1), "stop");
    } catch (Exception e) {
      System.err.println("local-cluster.sh stop failed: " + e.getMessage());
    }
    killAllPids();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already
    }
  }

  int restPort() {
    return restPort;
  }

  String master() {
    return "localhost:" + restPort;
  }

  Path stateDir() {
    return stateDir;
  }

  /** Pids of the TaskManagers started so far, in start order, live or not. */
  List<Long> taskManagerPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (int i = 1; Files.exists(stateDir.resolve("taskmanager-" + i + ".pid")); i++) {
      pids.add(Long.parseLong(Files.readString(stateDir.resolve("taskmanager-" + i + ".pid")).trim()));
    }
    return pids;
  }

  /** SIGKILL, as a machine failure would; returns once the process is gone. */
  void killTaskManager(long pid) throws Exception {
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    handle.destroyForcibly();
    handle.onExit().get(30, TimeUnit.SECONDS);
  }

  void addTaskManager() throws Exception {
    script(Duration.ofMinutes(3), "add-taskmanager");
  }

  JsonNode rest(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return new ObjectMapper().readTree(response.body());
  }

  private void script(Duration timeout, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LLM_HPO_CLUSTER_DIR", stateDir.toString());
    builder.environment().put("FLINK_REST_PORT", String.valueOf(restPort));
    builder.environment().put("FLINK_RPC_PORT", String.valueOf(rpcPort));
    Path log = stateDir.resolve("local-cluster.out");
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("local-cluster.sh " + String.join(" ", args) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "local-cluster.sh " + String.join(" ", args) + " exited " + process.exitValue() + ":\n"
              + ChildProcesses.tail(log));
    }
  }

  /** The last resort: every pid file's process, if it is still one of this cluster's. */
  private void killAllPids() {
    if (stateDir == null) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(stateDir, "*.pid")) {
      for (Path file : files) {
        long pid = Long.parseLong(Files.readString(file).trim());
        ProcessHandle.of(pid)
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(stateDir.toString())).orElse(false))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not clean up the cluster in " + stateDir + ": " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

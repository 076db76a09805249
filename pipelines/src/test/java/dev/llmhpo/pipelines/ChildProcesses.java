package dev.llmhpo.pipelines;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.rules.ExternalResource;

/**
 * Processes a test starts ({@code java -jar target/llm-hpo.jar tune ...}, the Flink CLI): output to a file, and
 * SIGKILLed after the test if still running, also when the test fails.
 */
final class ChildProcesses extends ExternalResource {
  static final Path JAR = Path.of("target", "llm-hpo.jar").toAbsolutePath();

  private final List<Process> started = new ArrayList<>();

  Process start(Path log, Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** {@code java -jar target/llm-hpo.jar tune ARGS}. */
  Process tune(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "tune"));
    command.addAll(args);
    return start(log, Map.of(), command);
  }

  /** The exit code; fails the test, with the end of the log, if the process outlives the timeout. */
  static int exitCode(Process process, Duration timeout, Path log) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      fail("still running after " + timeout + ":\n" + tail(log));
    }
    return process.exitValue();
  }

  /** Waits until {@code file} exists, the process ends or the timeout passes, whichever comes first. */
  static void awaitFile(Path file, Process process, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (!Files.exists(file) && process.isAlive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }

  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  protected void after() {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

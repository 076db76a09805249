package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The shaded jar as a user runs it: {@code java -jar pipelines/target/llm-hpo.jar tune ...} in its own process.
 * Proves the runner registrars survived shading and that XGBoost still trains without Kryo 5 and scala-compiler.
 */
public class ShadedJarIT {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final Path JAR = Path.of("target", "llm-hpo.jar");

  private Process start(Path log, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  public void tuneRunsFromTheJarOnEmbeddedFlink() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    Path log = tmp.getRoot().toPath().resolve("tune.log");
    Process p =
        start(
            log,
            "tune",
            "--dataset=adult",
            "--dataDir=" + StudyFixtures.adultDir().toAbsolutePath(),
            "--rounds=1",
            "--trialsPerRound=2",
            "--maxBoostRounds=100",
            "--output=" + out);
    assertThat(p.waitFor(10, TimeUnit.MINUTES), equalTo(true));
    String console = Files.readString(log);
    assertThat(console, p.exitValue(), equalTo(0));
    assertThat(console, containsString("round 1/1"));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/trials/completed").asInt(), equalTo(2));
    assertThat(summary.at("/test/auc").asDouble(), greaterThan(0.85));
    assertThat(Files.readString(out.resolve("report.html")), containsString("<title>llm-hpo report: out</title>"));

    // report rebuilds it from the output folder alone.
    Files.delete(out.resolve("report.html"));
    Path reportLog = tmp.getRoot().toPath().resolve("report.log");
    Process report = start(reportLog, "report", "--output=" + out);
    assertThat(report.waitFor(2, TimeUnit.MINUTES), equalTo(true));
    assertThat(Files.readString(reportLog), report.exitValue(), equalTo(0));
    assertThat(Files.readString(out.resolve("report.html")), containsString("id=\"importance\""));
  }

  @Test
  public void helpListsTheOptionsAndBadInputNamesTheOption() throws Exception {
    Path log = tmp.getRoot().toPath().resolve("help.log");
    Process help = start(log, "tune", "--help");
    assertThat(help.waitFor(2, TimeUnit.MINUTES), equalTo(true));
    assertThat(Files.readString(log), containsString("--trialsPerRound=<int>   default: 4"));

    // The benchmarks have their own jar; the user's knows no bench command.
    Path benchHelp = tmp.getRoot().toPath().resolve("bench-help.log");
    Process bench = start(benchHelp, "bench", "--help");
    assertThat(bench.waitFor(2, TimeUnit.MINUTES), equalTo(true));
    assertThat(bench.exitValue(), equalTo(2));
    assertThat(Files.readString(benchHelp), containsString("usage: java -jar llm-hpo.jar tune|report"));

    Path bad = tmp.getRoot().toPath().resolve("bad.log");
    Process p = start(bad, "tune", "--train=does-not-exist.csv", "--target=y", "--output=" + tmp.newFolder("o"));
    assertThat(p.waitFor(2, TimeUnit.MINUTES), equalTo(true));
    assertThat(p.exitValue(), equalTo(2));
    assertThat(Files.readString(bad), containsString("does-not-exist.csv"));
  }
}

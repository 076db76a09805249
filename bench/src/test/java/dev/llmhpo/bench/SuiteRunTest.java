package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.report.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A suite of two real tables × two arms × two seeds end to end on embedded Flink: killed once a study is done,
 * then run again, it reruns nothing already done, and its page opens in headless Chromium.
 */
public class SuiteRunTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static Path dataRoot() {
    Path root = Path.of(System.getProperty("shared.data", "../../shared/data"));
    if (!Files.exists(root.resolve("german_credit/german_credit.csv"))) {
      throw new IllegalStateException("../shared/data not found at " + root.toAbsolutePath() + " (set -Dshared.data)");
    }
    return root;
  }

  @Test
  public void aKilledSuiteResumesWithoutRerunningFinishedStudies() throws Exception {
    Path out = tmp.newFolder("suite").toPath();
    List<String> args = List.of(
        "--scenario=suite", "--dataRoot=" + dataRoot(), "--tables=german_credit,spambase",
        "--arms=default-only,tpe", "--seeds=2", "--trials=4", "--maxBoostRounds=30", "--earlyStoppingRounds=5",
        "--parallelism=2", "--budgetSeconds=2", "--output=" + out);

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), BenchCommand.class.getName()));
    command.addAll(args);
    Process first = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.newFile("first.log")).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (doneStudies(out).isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    first.destroyForcibly().waitFor();
    Map<Path, FileTime> doneBefore = new LinkedHashMap<>();
    for (Path done : doneStudies(out)) {
      doneBefore.put(done, Files.getLastModifiedTime(done));
    }
    assertThat("a study finished before the kill", doneBefore.size(), greaterThan(0));
    assertThat("the kill stopped the suite early", doneBefore.size(), lessThan(8));

    assertThat(BenchCommand.run(args.toArray(String[]::new)), equalTo(0));

    for (Map.Entry<Path, FileTime> done : doneBefore.entrySet()) {
      assertThat("not rerun: " + done.getKey(), Files.getLastModifiedTime(done.getKey()), equalTo(done.getValue()));
    }
    assertThat(doneStudies(out), hasSize(8));
    JsonNode suite = new ObjectMapper().readTree(out.resolve("suite.json").toFile());
    assertThat(suite.get("studiesSkippedAsDone").asInt(), equalTo(doneBefore.size()));
    assertThat(suite.get("studiesRun").asInt(), equalTo(8 - doneBefore.size()));
    JsonNode summary = suite.get("summary");
    assertThat(summary.get("tables").size(), equalTo(2));
    for (JsonNode table : summary.get("tables")) {
      assertThat(table.get("arms").size(), equalTo(2));
      for (JsonNode arm : table.get("arms")) {
        assertThat(arm.get("seeds").asInt(), equalTo(2));
        assertThat(arm.at("/test/median").isNumber(), equalTo(true));
      }
    }
    // per table: default-only vs tpe on the validation and on the test values
    assertThat(summary.get("pairs").size(), equalTo(4));
    JsonNode pair = summary.get("pairs").get(0);
    for (String field : List.of("table", "armA", "armB", "wins", "ties", "losses", "medianDifference", "low", "high",
        "pValue")) {
      assertThat(field, pair.has(field), equalTo(true));
    }
    assertThat(pair.get("wins").asInt() + pair.get("ties").asInt() + pair.get("losses").asInt(), equalTo(2));
    assertThat(summary.get("meanRank").size(), equalTo(2));
    // each study is an ordinary tune study with its trial log, summary and report
    Path study = out.resolve("studies/spambase/tpe/seed-2");
    for (String file : List.of("summary.json", "report.html", "study.avro", "trials")) {
      assertThat(file, Files.exists(study.resolve(file)), equalTo(true));
    }
    assertThat(Files.readString(out.resolve("suite.md")),
        allOf(containsString("### Pairs of arms, best validation value"), containsString("| spambase (logloss) | tpe |")));

    HeadlessChromium chromium = HeadlessChromium.open(tmp.newFolder("chromium").toPath());
    String dom = chromium.dumpDom(out.resolve("suite.html"));
    assertThat(dom, allOf(containsString("Mean rank across tables"), containsString("german_credit: best validation by"),
        containsString("default-only vs tpe"), containsString("data:image/png;base64,")));
    Path png = chromium.screenshot(out.resolve("suite.html"),
        HeadlessChromium.SCREENSHOTS.resolve("suite.png"), 2400);
    assertThat(Files.size(png), greaterThanOrEqualTo(10_000L));
  }

  private static List<Path> doneStudies(Path out) throws Exception {
    Path studies = out.resolve("studies");
    if (!Files.exists(studies)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(studies)) {
      return files.filter(p -> p.getFileName().toString().equals("suite-done.json")).sorted().toList();
    }
  }
}

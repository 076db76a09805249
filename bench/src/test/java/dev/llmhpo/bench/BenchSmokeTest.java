package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The {@code bench} command's wiring, every scenario at toy sizes on embedded Flink: the tables, JSON and charts
 * come out with the promised fields. No timing is asserted; the figures belong to real bench runs.
 */
public class BenchSmokeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static Path adultDir() {
    Path dir = Path.of(System.getProperty("adult.dir", "../../shared/data/adult"));
    if (!Files.exists(dir.resolve("adult.data.csv"))) {
      throw new IllegalStateException("UCI Adult not found at " + dir.toAbsolutePath() + " (set -Dadult.dir)");
    }
    return dir;
  }

  @Test
  public void everyScenarioWritesItsTableJsonAndChart() throws Exception {
    Path out = tmp.newFolder("bench").toPath();
    int exit =
        BenchCommand.run(
            new String[] {
              "--scenario=overhead,efficiency,scale,gpu",
              "--dataDir=" + adultDir(),
              "--output=" + out,
              "--cacheDir=" + tmp.newFolder("cache"),
              "--parallelism=2",
              // overhead: one cell, a handful of tiny trials
              "--parallelisms=2",
              "--trialSeconds=0.05",
              "--workSeconds=0.2",
              "--overheadRounds=2",
              // efficiency: two proposers, two seeds, ten cheap trials
              "--proposers=random,tpe",
              "--seeds=2",
              "--trials=10",
              "--maxBoostRounds=20",
              "--earlyStoppingRounds=5",
              // scale: a small synthetic table, two rounds of one trial per worker
              "--rows=3000",
              "--features=10",
              "--scaleBoostRounds=5",
              "--scaleRounds=2"
            });
    assertThat(exit, equalTo(0));
    ObjectMapper json = new ObjectMapper();

    JsonNode overhead = json.readTree(out.resolve("bench-overhead.json").toFile());
    assertThat(overhead.size(), equalTo(1));
    for (String field : List.of("p", "trialSeconds", "pipelineSeconds", "loopSeconds", "ratio")) {
      assertThat(field, overhead.get(0).get(field).isNumber(), is(true));
    }
    assertThat(overhead.get(0).get("p").asInt(), equalTo(2));
    assertThat(overhead.get(0).get("trials").asInt(), greaterThan(1));
    assertThat(overhead.get(0).get("dataLoads").asInt(), equalTo(1));

    JsonNode efficiency = json.readTree(out.resolve("bench-efficiency.json").toFile());
    assertThat(fieldNames(efficiency), equalTo(List.of("random", "tpe")));
    for (JsonNode proposer : efficiency) {
      assertThat(proposer.at("/runs").asInt(), equalTo(2));
      double at10 = proposer.at("/medianBestValidation/10").asDouble();
      assertThat(at10 > 0 && at10 < 0.7, is(true));
      assertThat(proposer.at("/test/logloss").isNumber(), is(true));
      assertThat(proposer.at("/test/auc").asDouble(), greaterThan(0.8));
      assertThat(proposer.at("/test/accuracy").isNumber(), is(true));
    }

    JsonNode scale = json.readTree(out.resolve("bench-scale.json").toFile());
    assertThat(scale.size(), equalTo(1));
    JsonNode row = scale.get(0);
    assertThat(row.get("rows").asInt(), equalTo(3000));
    assertThat(row.get("features").asInt(), equalTo(10));
    for (String field : List.of("loadSeconds", "trialSeconds", "peakRssMb")) {
      assertThat(field, row.get(field).isNumber(), is(true));
    }
    // Four trials over two rounds and the final model, one read of the data.
    assertThat(row.get("trials").asInt(), equalTo(4));
    assertThat(row.get("dataLoads").asInt(), equalTo(1));

    String printed = Files.readString(out.resolve("bench.md"));
    assertThat(
        printed,
        allOf(
            containsString("## Overhead"),
            containsString("| p | trial target s"),
            containsString("## Sample efficiency"),
            containsString("H2O-3"),
            containsString("## Scale"),
            containsString("## GPU"),
            containsString("cores")));
    List<Path> charts = new ArrayList<>();
    for (String name : List.of("bench-overhead.png", "bench-efficiency.png", "bench-scale.png")) {
      Path chart = out.resolve(name);
      byte[] head = Arrays.copyOf(Files.readAllBytes(chart), 4);
      assertThat(name, head, equalTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      charts.add(chart);
    }
    assertThat(charts, hasSize(3));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A generated multiclass table and a generated regression table, each tuned end to end from a study file on
 * embedded Flink (tiny budgets); each report shows the task's own metrics.
 */
public class TaskStudyFilesFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private JsonNode tuneFromStudyFile(Path out, String yaml) throws Exception {
    Path study = tmp.getRoot().toPath().resolve(out.getFileName() + "-study.yaml");
    Files.writeString(study, yaml + "output: " + out + "\n");
    TuneOptions options = TuneCommand.parse(new String[] {"--study=" + study});
    assertThat(TuneCommand.run(options, Pipeline.create(options)), equalTo(PipelineResult.State.DONE));
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  public void multiclassStudyFromAStudyFile() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Path out = tmp.newFolder("multiclass").toPath();
    JsonNode summary =
        tuneFromStudyFile(
            out,
            "train: " + StudyFixtures.multiclassCsv(dir, "train.csv", 600, 1) + "\n"
                + "test: " + StudyFixtures.multiclassCsv(dir, "test.csv", 300, 2) + "\n"
                + """
                target: species
                task: multiclass
                metric: macro_f1
                rounds: 2
                trialsPerRound: 2
                maxBoostRounds: 30
                earlyStoppingRounds: 10
                proposer: random
                """);
    assertThat(summary.get("task").asText(), equalTo("multiclass"));
    assertThat(summary.get("metric").asText(), equalTo("macro_f1"));
    assertThat(summary.at("/trials/completed").asInt(), equalTo(4));
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report, containsString("macro_f1, maximised"));
    assertThat(report, containsString("<th>mlogloss</th>"));
  }

  @Test
  public void regressionStudyFromAStudyFile() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Path out = tmp.newFolder("regression").toPath();
    JsonNode summary =
        tuneFromStudyFile(
            out,
            "train: " + StudyFixtures.regressionCsv(dir, "train.csv", 600, 3) + "\n"
                + "test: " + StudyFixtures.regressionCsv(dir, "test.csv", 300, 4) + "\n"
                + """
                target: price
                rounds: 2
                trialsPerRound: 2
                maxBoostRounds: 30
                earlyStoppingRounds: 10
                space:
                  - {name: eta, type: float, low: 0.01, high: 0.3, log: true}
                  - {name: max_depth, type: int, low: 2, high: 8}
                """);
    assertThat(summary.get("task").asText(), equalTo("regression"));
    assertThat(summary.get("metric").asText(), equalTo("rmse"));
    assertThat(summary.at("/trials/completed").asInt(), equalTo(4));
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report, containsString("<th>r2</th>"));
    assertThat(report, containsString("<td>eta</td><td>float</td>"));
  }
}

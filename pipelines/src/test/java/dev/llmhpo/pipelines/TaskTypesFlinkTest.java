package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Multiclass and regression studies, and Parquet input, end to end on embedded Flink with tiny budgets: 2 rounds
 * of 2 trials, at most 30 boosting rounds each.
 */
public class TaskTypesFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code tune} with the tiny budget and returns summary.json. */
  private JsonNode tune(Path out, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--rounds=2", "--trialsPerRound=2", "--maxBoostRounds=30", "--earlyStoppingRounds=10"));
    TuneOptions options = StudyFixtures.options(out, all.toArray(String[]::new));
    assertThat(TuneCommand.run(options, Pipeline.create(options)), equalTo(PipelineResult.State.DONE));

    List<TrialResult> log = StudyFixtures.trialLog(out);
    assertThat(log, hasSize(4));
    assertThat(log.stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));
    return JSON.readTree(out.resolve("summary.json").toFile());
  }

  /** The saved final model's learner section, as XGBoost wrote it; the model also loads back into XGBoost. */
  private static JsonNode learner(Path out) throws Exception {
    Path model = out.resolve("model/model.json");
    Booster loaded = XGBoost.loadModel(model.toString());
    loaded.dispose();
    return JSON.readTree(model.toFile()).get("learner");
  }

  @Test
  public void multiclassCsvIsDetectedAndTuned() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Path out = tmp.newFolder("multiclass").toPath();

    JsonNode summary =
        tune(
            out,
            "--train=" + StudyFixtures.multiclassCsv(dir, "train.csv", 600, 1),
            "--test=" + StudyFixtures.multiclassCsv(dir, "test.csv", 300, 2),
            "--target=species");

    assertThat(summary.get("task").asText(), equalTo("multiclass"));
    assertThat(summary.get("metric").asText(), equalTo("mlogloss"));
    assertThat(summary.get("direction").asText(), equalTo("minimize"));
    assertThat(fieldNames(summary.get("test")), contains("mlogloss", "accuracy", "macro_f1", "merror"));
    assertThat(summary.at("/test/accuracy").asDouble(), greaterThan(0.6)); // chance is about 1/3
    assertThat(summary.at("/test/macro_f1").asDouble(), greaterThan(0.5));
    assertThat(summary.at("/best/validation/mlogloss").asDouble(), lessThan(Math.log(3)));
    assertThat(fieldNames(summary.at("/dataCard/classBalance")), contains("alpha", "beta", "gamma"));
    for (TrialResult trial : StudyFixtures.trialLog(out)) {
      assertThat(trial.getValue(), equalTo(trial.getMetrics().get("mlogloss")));
    }
    JsonNode learner = learner(out);
    assertThat(learner.at("/objective/name").asText(), equalTo("multi:softprob"));
    assertThat(learner.at("/learner_model_param/num_class").asText(), equalTo("3"));
  }

  @Test
  public void regressionCsvIsDetectedAndTuned() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Path out = tmp.newFolder("regression").toPath();

    JsonNode summary =
        tune(
            out,
            "--train=" + StudyFixtures.regressionCsv(dir, "train.csv", 600, 3),
            "--test=" + StudyFixtures.regressionCsv(dir, "test.csv", 300, 4),
            "--target=price");

    assertThat(summary.get("task").asText(), equalTo("regression"));
    assertThat(summary.get("metric").asText(), equalTo("rmse"));
    assertThat(fieldNames(summary.get("test")), contains("rmse", "mae", "r2"));
    assertThat(summary.at("/test/r2").asDouble(), greaterThan(0.7));
    // better than predicting the mean, whose RMSE is about the target's standard deviation
    assertThat(summary.at("/test/rmse").asDouble(), lessThan(summary.at("/dataCard/targetSummary/std").asDouble()));
    assertThat(learner(out).at("/objective/name").asText(), equalTo("reg:squarederror"));
  }

  @Test
  public void parquetFilesTuneWithTheTaskGiven() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Path out = tmp.newFolder("parquet").toPath();

    // rating holds 1..5, which auto-detection reads as classes; --task makes it a regression
    JsonNode summary =
        tune(
            out,
            "--train=" + StudyFixtures.ratingParquet(dir, "train.parquet", 600, 5),
            "--test=" + StudyFixtures.ratingParquet(dir, "test.parquet", 300, 6),
            "--target=rating",
            "--task=regression",
            "--metric=r2");

    assertThat(summary.get("task").asText(), equalTo("regression"));
    assertThat(summary.get("metric").asText(), equalTo("r2"));
    assertThat(summary.get("direction").asText(), equalTo("maximize"));
    assertThat(summary.at("/test/r2").asDouble(), greaterThan(0.5));
    assertThat(summary.at("/dataCard/rows").asInt(), equalTo(600));
    assertThat(summary.at("/dataCard/columns/1/missingShare").asDouble(), equalTo(0.05));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

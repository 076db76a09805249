package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.history.Histories;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudyResult;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.train.FinalFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * FitFinalModel on the direct runner: the best trial retrained, saved and scored, its feature names mapped back
 * when XGBoost's differ; nothing without one.
 */
public class FitFinalModelTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theBestTrialIsRetrainedForItsIterationsSavedAndScored() throws Exception {
    StudySpec spec = StudyFixtures.spec(StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300), 2);
    Path out = tmp.newFolder("out").toPath();
    // The best trial stopped after 2 rounds, the other after 4: the model must be the best's.
    TrialResult best = TrialResult.newBuilder(Trials.complete(1, 0, 0.30, 101)).setBestIteration(1).build();
    History history =
        Histories.of("tiny", 1, List.of(Trials.complete(0, 0, 0.50, 100), best, Trials.failed(2, 0, "x", 102)), spec.getDirection());

    PCollection<StudyResult> result = fit(spec, out, history);

    String modelPath = out.resolve("model").resolve("model.json").toString();
    PAssert.thatSingleton(result)
        .satisfies(
            r -> {
              assertThat(r.getHistory(), equalTo(history));
              assertThat(r.getModelPath(), equalTo(modelPath));
              assertThat(r.getTest().keySet(), equalTo(Set.copyOf(Metrics.names(TaskType.BINARY))));
              assertThat(r.getTest().get("auc"), allOf(greaterThan(0.5), lessThan(1.0)));
              assertThat(r.getTest().get("logloss"), allOf(greaterThan(0.0), lessThan(0.7)));
              return null;
            });
    pipeline.run().waitUntilFinish();

    Booster loaded = XGBoost.loadModel(modelPath);
    try {
      assertThat(loaded.getNumBoostedRound(), equalTo(2));
    } finally {
      loaded.dispose();
    }
    // XGBoost's names are the columns', so there is nothing to map back
    assertThat(Files.exists(out.resolve("model").resolve("feature-names.json")), equalTo(false));
  }

  @Test
  public void columnNamesXgboostRejectsAreSavedEncodedAndMappedBack() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    String table = Files.readString(csv);
    Files.writeString(csv, "char_freq_[,char_freq_(" + table.substring(table.indexOf(",colour,")));
    StudySpec spec = StudyFixtures.spec(csv, 2);
    Path out = tmp.newFolder("out").toPath();
    History history = Histories.of("tiny", 1, List.of(Trials.complete(0, 0, 0.30, 100)), spec.getDirection());

    fit(spec, out, history);
    pipeline.run().waitUntilFinish();

    Booster loaded = XGBoost.loadModel(out.resolve("model").resolve("model.json").toString());
    try {
      assertThat(loaded.getFeatureNames(), arrayContaining("char_freq_%5B", "char_freq_(", "colour"));
    } finally {
      loaded.dispose();
    }
    JsonNode names = new ObjectMapper().readTree(out.resolve("model").resolve("feature-names.json").toFile());
    assertThat(
        names.toString(),
        equalTo(
            "[{\"xgboost\":\"char_freq_%5B\",\"column\":\"char_freq_[\"},"
                + "{\"xgboost\":\"char_freq_(\",\"column\":\"char_freq_(\"},"
                + "{\"xgboost\":\"colour\",\"column\":\"colour\"}]"));
  }

  @Test
  public void aHistoryWithoutACompletedTrialGivesNoModelAndNoTestMetrics() throws Exception {
    StudySpec spec = StudyFixtures.spec(StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100), 2);
    Path out = tmp.newFolder("out").toPath();
    History history = Histories.of("tiny", 1, List.of(Trials.failed(0, 0, "x", 100)), spec.getDirection());

    PAssert.thatSingleton(fit(spec, out, history))
        .satisfies(
            r -> {
              assertThat(r.getHistory(), equalTo(history));
              assertThat(r.getModelPath(), nullValue());
              assertThat(r.getTest(), nullValue());
              return null;
            });
    pipeline.run().waitUntilFinish();

    assertThat(Files.exists(out.resolve("model")), equalTo(false));
  }

  private PCollection<StudyResult> fit(StudySpec spec, Path out, History history) {
    return pipeline
        .apply(Create.of(history).withCoder(AvroCoder.of(History.class)))
        .apply(new FitFinalModel(StudyFixtures.data(spec), FinalFit.of(spec), out.toString()));
  }
}

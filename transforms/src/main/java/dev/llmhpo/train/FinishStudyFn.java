package dev.llmhpo.train;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySummary;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a study: retrains the best configuration on the whole training file for its best iteration count, scores
 * it on the test file, saves it in XGBoost's JSON model format and writes {@code summary.json}.
 */
public class FinishStudyFn extends DoFn<History, String> {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");

  private final StudySpec spec;
  private final String outputDir;
  private final String dataCardJson;

  public FinishStudyFn(StudySpec spec, String outputDir, String dataCardJson) {
    this.spec = spec;
    this.outputDir = outputDir;
    this.dataCardJson = dataCardJson;
  }

  @ProcessElement
  public void process(@Element History history, OutputReceiver<String> out) throws Exception {
    TrialResult best = history.getBest();
    Map<String, Double> test = null;
    String modelPath = null;
    if (best != null) {
      PreparedData data =
          PreparedData.load(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSeed());
      Map<String, Object> params = SearchSpace.of(spec.getSpace()).toXgboostParams(best.getTrial().getParams());
      int rounds = best.getBestIteration() + 1;
      TrainBudget budget =
          new TrainBudget(rounds, 0, spec.getMetric(), Runtime.getRuntime().availableProcessors(), spec.getDevice(), spec.getSeed());
      LearningTask task = LearningTask.of(data.encoding());
      Booster booster = XgbTrainer.fit(task, data.fullTrain(), params, rounds, budget);
      try {
        Path model = Path.of(outputDir, "model", "model.json");
        AtomicFiles.write(model, stream -> booster.saveModel(stream, "json"));
        modelPath = model.toString();
        if (data.test() != null) {
          float[][] predictions = XgbTrainer.predict(booster, data.test(), rounds);
          test = Metrics.all(task.type(), data.test().labels(), predictions);
        }
      } finally {
        booster.dispose();
      }
    }
    String summary = StudySummary.toJson(spec, history, test, modelPath, dataCardJson);
    AtomicFiles.writeString(Path.of(outputDir, "summary.json"), summary);
    LOG.info(
        "study {} done: {} trials, best trial {} validation {}={}, test {}",
        spec.getStudyId(),
        history.getResults().size(),
        best == null ? "none" : best.getTrial().getTrialId(),
        spec.getMetric(),
        best == null ? "n/a" : String.format("%.5f", best.getValue()),
        test == null ? "n/a" : test);
    out.output(summary);
  }
}

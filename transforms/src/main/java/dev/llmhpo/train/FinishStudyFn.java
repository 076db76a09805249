package dev.llmhpo.train;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySummary;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a study: retrains the best configuration on the whole training file for its best iteration count, scores
 * it on the test file, saves it in XGBoost's JSON model format and writes {@code summary.json}. The data comes
 * from {@link SharedTrainingData}, so a worker that trained trials does not read it again.
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
      try (SharedTrainingData.Lease lease = SharedTrainingData.jvm().lease(spec)) {
        PreparedData data = lease.data();
        Booster booster = FinalModel.train(spec, data, best);
        try {
          Path model = Path.of(outputDir, "model", "model.json");
          AtomicFiles.write(model, stream -> booster.saveModel(stream, "json"));
          modelPath = model.toString();
          test = FinalModel.testMetrics(booster, data, FinalModel.rounds(best));
        } finally {
          booster.dispose();
        }
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

package dev.llmhpo.study;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.data.StudyData;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudyResult;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.train.FinalFit;
import dev.llmhpo.train.FinalModel;
import dev.llmhpo.train.ModelFolder;
import dev.llmhpo.train.SharedTrainingData;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Retrains the best trial on the whole training file and saves the model in XGBoost's JSON format, as
 * {@link ModelFolder} lays it out. The data comes from {@link SharedTrainingData}, so a worker that trained trials
 * does not read it again.
 */
class FitFinalModelFn extends DoFn<History, StudyResult> {
  private final StudyData data;
  private final FinalFit fit;
  private final String outputDir;

  FitFinalModelFn(StudyData data, FinalFit fit, String outputDir) {
    this.data = data;
    this.fit = fit;
    this.outputDir = outputDir;
  }

  @ProcessElement
  public void process(@Element History history, OutputReceiver<StudyResult> out) throws Exception {
    StudyResult.Builder result = StudyResult.newBuilder().setHistory(history);
    TrialResult best = history.getBest();
    if (best != null) {
      try (SharedTrainingData.Lease lease = SharedTrainingData.jvm().lease(data)) {
        PreparedData prepared = lease.data();
        Booster booster = FinalModel.train(fit, prepared, best);
        try {
          Path model = ModelFolder.save(booster, prepared.encoding().featureNames(), Path.of(outputDir, "model"));
          result.setModelPath(model.toString()).setTest(FinalModel.testMetrics(booster, prepared, FinalModel.rounds(best)));
        } finally {
          booster.dispose();
        }
      }
    }
    out.output(result.build());
  }
}

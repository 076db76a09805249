package dev.llmhpo.study;

import dev.llmhpo.data.StudyData;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudyResult;
import dev.llmhpo.train.FinalFit;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The study's last history in, the study's result out: its best configuration retrained on the whole training
 * file for its best iteration count, saved as {@code model/model.json}, and scored on the test file.
 */
public class FitFinalModel extends PTransform<PCollection<History>, PCollection<StudyResult>> {
  private final StudyData data;
  private final FinalFit fit;
  private final String outputDir;

  public FitFinalModel(StudyData data, FinalFit fit, String outputDir) {
    this.data = data;
    this.fit = fit;
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<StudyResult> expand(PCollection<History> history) {
    return history
        .apply("Fit", ParDo.of(new FitFinalModelFn(data, fit, outputDir)))
        .setCoder(AvroCoder.of(StudyResult.class));
  }
}

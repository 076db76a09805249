package dev.llmhpo.study;

import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySummary;
import dev.llmhpo.schema.StudyResult;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the study's {@code summary.json} and emits its path. It takes the study spec because the summary describes
 * the study (id, task, metric, direction, proposer, the space's order): here the spec is the content, not settings.
 */
public class WriteSummary extends PTransform<PCollection<StudyResult>, PCollection<String>> {
  private final StudySpec spec;
  private final String dataCardJson;
  private final String outputDir;

  public WriteSummary(StudySpec spec, String dataCardJson, String outputDir) {
    this.spec = spec;
    this.dataCardJson = dataCardJson;
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<String> expand(PCollection<StudyResult> result) {
    return result.apply("Write", ParDo.of(new WriteSummaryFn(spec, dataCardJson, outputDir))).setCoder(StringUtf8Coder.of());
  }

  static class WriteSummaryFn extends DoFn<StudyResult, String> {
    private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
    private final StudySpec spec;
    private final String dataCardJson;
    private final String outputDir;

    WriteSummaryFn(StudySpec spec, String dataCardJson, String outputDir) {
      this.spec = spec;
      this.dataCardJson = dataCardJson;
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void process(@Element StudyResult result, OutputReceiver<String> out) {
      String summary =
          StudySummary.toJson(spec, result.getHistory(), result.getTest(), result.getModelPath(), dataCardJson);
      Path file = Path.of(outputDir, "summary.json");
      AtomicFiles.writeString(file, summary);
      TrialResult best = result.getHistory().getBest();
      LOG.info(
          "study {} done: {} trials, best trial {} validation {}={}, test {}",
          spec.getStudyId(),
          result.getHistory().getResults().size(),
          best == null ? "none" : best.getTrial().getTrialId(),
          spec.getMetric(),
          best == null ? "n/a" : String.format("%.5f", best.getValue()),
          result.getTest() == null ? "n/a" : result.getTest());
      out.output(file.toString());
    }
  }
}

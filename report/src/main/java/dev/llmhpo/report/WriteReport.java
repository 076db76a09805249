package dev.llmhpo.report;

import java.nio.file.Path;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a study by writing its report, on the worker that just wrote {@code summary.json}, from the output folder;
 * emits the report's path. The job writes it (rather than the launcher after the job) so a study submitted to a
 * cluster without a waiting launcher still gets its report. A report that cannot be drawn is logged and leaves the
 * study's results intact: {@code report --output=DIR} rebuilds it.
 */
public class WriteReport extends PTransform<PCollection<String>, PCollection<String>> {
  private final String outputDir;

  public WriteReport(String outputDir) {
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<String> expand(PCollection<String> summary) {
    return summary.apply("Write", ParDo.of(new WriteReportFn(outputDir))).setCoder(StringUtf8Coder.of());
  }

  static class WriteReportFn extends DoFn<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
    private final String outputDir;

    WriteReportFn(String outputDir) {
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void process(OutputReceiver<String> out) {
      try {
        Path report = StudyReport.write(Path.of(outputDir));
        LOG.info("report: {}", report);
        out.output(report.toString());
      } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
        LOG.error("the report could not be written ({}); the trial log, model and summary are complete;"
            + " run 'report --output={}' to retry", e.toString(), outputDir);
      }
    }
  }
}

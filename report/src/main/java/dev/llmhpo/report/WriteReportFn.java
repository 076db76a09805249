package dev.llmhpo.report;

import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a study by writing its report, on the worker that just wrote {@code summary.json}, from the output folder.
 * The job writes it (rather than the launcher after the job) so a study submitted to a cluster without a waiting
 * launcher still gets its report. A report that cannot be drawn is logged and leaves the study's results intact:
 * {@code report --output=DIR} rebuilds it.
 */
public class WriteReportFn extends DoFn<String, String> {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private final String outputDir;

  public WriteReportFn(String outputDir) {
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

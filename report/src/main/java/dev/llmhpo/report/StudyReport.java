package dev.llmhpo.report;

import dev.llmhpo.io.AtomicFiles;
import java.nio.file.Path;

/** Writes {@code report.html} into a study's output folder from what the folder holds. */
public final class StudyReport {
  public static final String FILE_NAME = "report.html";

  private StudyReport() {}

  /** Reads the study from {@code outputDir}, writes its report atomically and returns the report's path. */
  public static Path write(Path outputDir) {
    StudyRecord record = StudyRecord.read(outputDir);
    Path report = outputDir.resolve(FILE_NAME);
    AtomicFiles.writeString(report, ReportPage.render(record, System.currentTimeMillis()));
    return report;
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.report.StudyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code report --output=DIR}: rebuilds a study's {@code report.html} from its output folder, no data needed. */
final class ReportCommand {
  private ReportCommand() {}

  /** Exit codes: 0 written, 2 bad options or no study in the folder. */
  static int main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      OptionsHelp.print(System.out, "report", ReportOptions.class, null);
      return 0;
    }
    try {
      System.out.println("report: " + StudyReport.write(output(args)));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  /** The one option, {@code --output}; anything else is rejected by name. */
  static Path output(String[] args) {
    String output = null;
    for (String arg : args) {
      if (arg.startsWith("--output=") && arg.length() > "--output=".length()) {
        output = arg.substring("--output=".length());
      } else {
        throw new IllegalArgumentException(
            "unknown option " + arg.split("=", 2)[0] + "; report takes only --output=DIR ('report --help')");
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("give the study's folder: report --output=DIR");
    }
    Path dir = Path.of(output).toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--output=" + output + " is not a folder");
    }
    return dir;
  }
}

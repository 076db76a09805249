package dev.llmhpo.pipelines;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Data and option helpers shared by the pipeline tests. */
final class StudyFixtures {
  private StudyFixtures() {}

  static Path adultDir() {
    Path dir = Path.of(System.getProperty("adult.dir", "../../shared/data/adult"));
    if (!Files.exists(dir.resolve("adult.data.csv"))) {
      throw new IllegalStateException("UCI Adult not found at " + dir.toAbsolutePath() + " (set -Dadult.dir)");
    }
    return dir;
  }

  /** Options as the command line would give them, embedded Flink by default. */
  static TuneOptions options(Path output, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=" + output);
    return TuneCommand.parse(all.toArray(String[]::new));
  }

  /** A small binary table with a non-linear signal, for tests that need many cheap trials. */
  static Path tinyCsv(Path dir, int rows) throws Exception {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("x1,x2,colour,label\n");
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextGaussian(), x2 = random.nextGaussian();
      int c = random.nextInt(3);
      boolean positive = x1 * x2 + (c == 1 ? 0.8 : -0.2) + 0.3 * random.nextGaussian() > 0;
      csv.append(String.format("%.4f,%.4f,%s,%s%n", x1, x2, colours[c], positive ? "yes" : "no"));
    }
    Path file = dir.resolve("tiny.csv");
    Files.writeString(file, csv);
    return file;
  }

  static List<TrialResult> trialLog(Path output) {
    return new TrialLog(output).readAll();
  }
}

package dev.llmhpo.study;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.data.StudyData;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A small binary table and a study over it, for the study composites' tests (and the pipelines'). */
public final class StudyFixtures {
  private StudyFixtures() {}

  /** A small binary table with a non-linear signal, cheap to train many trials on. */
  public static Path tinyCsv(Path dir, int rows) throws Exception {
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

  /** A binary logloss study of {@code csv} (its own file as the test file), 5 boosting rounds a trial. */
  static StudySpec spec(Path csv, int trialsPerRound) {
    return StudySpec.newBuilder()
        .setStudyId("tiny")
        .setDataSource(
            DataSource.newBuilder().setTrainPath(csv.toString()).setTestPath(csv.toString()).setTarget("label").build())
        .setTask(TaskType.BINARY)
        .setMetric("logloss")
        .setDirection(Direction.MINIMIZE)
        .setSpace(SearchSpace.xgboostDefault().params())
        .setRounds(2)
        .setTrialsPerRound(trialsPerRound)
        .setSeed(11)
        .setSplitSeed(11)
        .setProposer("random")
        .setMaxBoostRounds(5)
        .setEarlyStoppingRounds(2)
        .setValidationFraction(0.2)
        .setDevice("cpu")
        .setTrialsPerGpu(1)
        .setGpus(0)
        .setThreadsPerTrial(1)
        .setStartedAtMillis(System.currentTimeMillis())
        .build();
  }

  static String dataCardJson(StudySpec spec) {
    return PreparedData.load(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSplitSeed())
        .card()
        .toJson();
  }

  static StudyData data(StudySpec spec) {
    return StudyData.of(spec);
  }
}

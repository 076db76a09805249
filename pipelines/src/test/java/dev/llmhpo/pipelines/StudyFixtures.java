package dev.llmhpo.pipelines;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

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
  /** The study as {@code tune} prepares it for embedded workers, with {@code --proposer}'s proposer. */
  static Study prepare(TuneOptions options, int parallelism) {
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    return Study.prepare(options, parallelism, ProposerChoice.of(options.getProposer(), options, output, true));
  }

  static TuneOptions options(Path output, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=" + output);
    return TuneCommand.parse(all.toArray(String[]::new));
  }

  /**
   * A study of 2000 tiny rows whose trials each train 300 boosting rounds, two at a time: slow enough that a test can
   * act while a round runs, on {@code tune}'s command line (a child process's).
   */
  static List<String> slowStudy(Path dir, Path output) throws Exception {
    return List.of("--train=" + tinyCsv(dir, 2000), "--target=label", "--trialsPerRound=2", "--maxBoostRounds=300",
        "--earlyStoppingRounds=300", "--proposer=random", "--parallelism=2", "--output=" + output);
  }

  /** A small binary table with a non-linear signal, for tests that need many cheap trials. */
  static Path tinyCsv(Path dir, int rows) throws Exception {
    return dev.llmhpo.study.StudyFixtures.tinyCsv(dir, rows);
  }

  /**
   * A three-class table: the class follows a noisy score of two numbers and a colour, so a model can learn it but
   * not perfectly. Labels are words, so the task is detected as multiclass.
   */
  static Path multiclassCsv(Path dir, String name, int rows, long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("x1,x2,colour,species\n");
    String[] colours = {"red", "green", "blue"};
    String[] species = {"alpha", "beta", "gamma"};
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextGaussian(), x2 = random.nextGaussian();
      int c = random.nextInt(3);
      double score = x1 + 0.5 * x2 * x2 + (c - 1) * 0.6 + 0.3 * random.nextGaussian();
      int k = score < -0.3 ? 0 : score < 0.9 ? 1 : 2;
      csv.append(String.format("%.4f,%.4f,%s,%s%n", x1, x2, colours[c], species[k]));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  /** A table with a continuous target: a non-linear function of two numbers and a colour, plus noise. */
  static Path regressionCsv(Path dir, String name, int rows, long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("x1,x2,colour,price\n");
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextGaussian(), x2 = random.nextGaussian();
      int c = random.nextInt(3);
      double price = 100 + 15 * x1 + 8 * x2 * x2 + 10 * c + 3 * random.nextGaussian();
      csv.append(String.format("%.4f,%.4f,%s,%.3f%n", x1, x2, colours[c], price));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  /**
   * A Parquet table (SNAPPY, as pyarrow writes) whose target {@code rating} holds whole numbers 1 to 5: detected
   * as multiclass, though it can be tuned as a regression with {@code --task=regression}.
   */
  static Path ratingParquet(Path dir, String name, int rows, long seed) throws Exception {
    MessageType schema =
        Types.buildMessage()
            .required(PrimitiveTypeName.DOUBLE).named("x1")
            .optional(PrimitiveTypeName.DOUBLE).named("x2")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("colour")
            .required(PrimitiveTypeName.INT32).named("rating")
            .named("ratings");
    Random random = new Random(seed);
    String[] colours = {"red", "green", "blue"};
    Path file = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (int i = 0; i < rows; i++) {
        double x1 = random.nextGaussian(), x2 = random.nextGaussian();
        int c = random.nextInt(3);
        long rating = Math.round(3 + 1.2 * x1 + 0.4 * x2 + 0.5 * (c - 1) + 0.3 * random.nextGaussian());
        Group row = groups.newGroup().append("x1", x1);
        if (i % 20 != 0) { // some missing values
          row.append("x2", x2);
        }
        writer.write(row.append("colour", colours[c]).append("rating", (int) Math.max(1, Math.min(5, rating))));
      }
    }
    return file;
  }

  static List<TrialResult> trialLog(Path output) {
    return new TrialLog(output).readAll();
  }
}

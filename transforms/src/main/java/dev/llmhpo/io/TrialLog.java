package dev.llmhpo.io;

import dev.llmhpo.schema.TrialResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The study's trial log: one Avro container file per round, {@code trials/round-00003.avro}, written atomically
 * as the round ends. A rerun of a round (a restarted job) replaces its file, so no trial is ever logged twice,
 * and a launcher killed mid-study loses no finished round. Each file carries the ids and checksums of its trials
 * ({@link RoundChecksums}), and every read verifies them: a damaged file stops the read, it never reads as a
 * smaller round.
 */
public final class TrialLog {
  private static final Pattern ROUND_FILE = Pattern.compile("round-(\\d{1,9})\\.avro");
  private final Path output;
  private final Path dir;

  public TrialLog(Path outputDir) {
    this.output = outputDir;
    this.dir = outputDir.resolve("trials");
  }

  public Path dir() {
    return dir;
  }

  public void writeRound(int round, List<TrialResult> results) {
    AtomicFiles.write(dir.resolve(String.format("round-%05d.avro", round)), out -> RoundWriter.write(results, out));
  }

  /** The round a file of the log is named for. */
  static int roundOf(Path file) {
    Matcher name = ROUND_FILE.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException(file + " is not named as a round file (round-NNNNN.avro)");
    }
    return Integer.parseInt(name.group(1));
  }

  /** Every round file verified, in round order; empty when there is no log yet. */
  public List<RoundCheck> check() {
    List<RoundCheck> checks = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return checks;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "round-*.avro")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        checks.add(RoundReader.check(file));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("could not list the trial log in " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
    return checks;
  }

  /**
   * Every result in the log, in file order; empty when there is no log yet.
   *
   * @throws IllegalArgumentException naming each damaged round file and what is wrong with it
   */
  public List<TrialResult> readAll() {
    List<RoundCheck> checks = check();
    List<RoundCheck> damaged = checks.stream().filter(RoundCheck::damaged).toList();
    if (!damaged.isEmpty()) {
      throw new IllegalArgumentException(
          "the trial log is damaged and was left as it is: "
              + damaged.stream().map(RoundCheck::line).collect(Collectors.joining("; "))
              + "; 'java -jar llm-hpo.jar trials --output=" + output + " --repair' moves damaged round files aside");
    }
    return checks.stream().flatMap(c -> c.trials().stream()).toList();
  }
}

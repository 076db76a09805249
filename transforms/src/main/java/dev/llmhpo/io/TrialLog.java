package dev.llmhpo.io;

import dev.llmhpo.schema.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The study's trial log: one Avro container file per round, {@code trials/round-00003.avro}, written atomically
 * as the round ends. A rerun of a round (a restarted job) replaces its file, so no trial is ever logged twice,
 * and a launcher killed mid-study loses no finished round.
 */
public final class TrialLog {
  private final Path dir;

  public TrialLog(Path outputDir) {
    this.dir = outputDir.resolve("trials");
  }

  public Path dir() {
    return dir;
  }

  public void writeRound(int round, List<TrialResult> results) {
    Path file = dir.resolve(String.format("round-%05d.avro", round));
    AtomicFiles.write(
        file,
        out -> {
          try (DataFileWriter<TrialResult> writer = new DataFileWriter<>(new SpecificDatumWriter<>(TrialResult.class))) {
            writer.setCodec(CodecFactory.deflateCodec(6));
            writer.create(TrialResult.getClassSchema(), out);
            for (TrialResult r : results) {
              writer.append(r);
            }
          }
        });
  }

  /** Every result in the log, in file order; empty when there is no log yet. */
  public List<TrialResult> readAll() {
    List<TrialResult> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "round-*.avro")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        try (DataFileReader<TrialResult> reader =
            new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(TrialResult.class))) {
          reader.forEach(all::add);
        } catch (IOException e) {
          throw new UncheckedIOException("the trial log file " + file + " is unreadable: " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the trial log in " + dir + ": " + e.getMessage(), e);
    }
    return all;
  }
}

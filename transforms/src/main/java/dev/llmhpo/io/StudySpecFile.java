package dev.llmhpo.io;

import dev.llmhpo.schema.StudySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The study's {@code study.avro}: the spec of its latest run, written atomically at study start, so that reports can
 * be rebuilt from the output folder alone. An Avro container file carries its writer schema, so a spec written by an
 * older version still reads with the fields it lacks at their defaults.
 */
public final class StudySpecFile {
  public static final String NAME = "study.avro";

  private StudySpecFile() {}

  public static void write(Path outputDir, StudySpec spec) {
    AtomicFiles.write(
        outputDir.resolve(NAME),
        out -> {
          try (DataFileWriter<StudySpec> writer = new DataFileWriter<>(new SpecificDatumWriter<>(StudySpec.class))) {
            writer.create(StudySpec.getClassSchema(), out);
            writer.append(spec);
          }
        });
  }

  /** The spec in {@code outputDir}; IllegalArgumentException naming the file when it is missing or unreadable. */
  public static StudySpec read(Path outputDir) {
    Path file = outputDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + " is missing: it is written when a study starts; is " + outputDir + " a study's --output folder?");
    }
    try (DataFileReader<StudySpec> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(StudySpec.class))) {
      if (!reader.hasNext()) {
        throw new IllegalArgumentException(file + " holds no study spec");
      }
      return reader.next();
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is unreadable: " + e.getMessage(), e);
    }
  }
}

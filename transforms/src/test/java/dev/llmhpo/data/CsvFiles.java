package dev.llmhpo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.rules.TemporaryFolder;

/** Writes small CSV files for tests. */
final class CsvFiles {
  private CsvFiles() {}

  /** A file holding {@code lines}, each ended by a newline. */
  static Path write(TemporaryFolder folder, String name, String... lines) throws IOException {
    Path file = folder.getRoot().toPath().resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}

package dev.llmhpo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.rules.TemporaryFolder;

/** Writes small CSV files for tests, and reads them with the default settings. */
final class CsvFiles {
  /** What a study reads with when no CSV option is given: the delimiter detected, {@code "} quotes, '.' decimals. */
  static final ReadSettings DEFAULTS = new ReadSettings(new CsvDialect(null, '"', '.'), Set.of());

  private CsvFiles() {}

  /** A file holding {@code lines}, each ended by a newline. */
  static Path write(TemporaryFolder folder, String name, String... lines) throws IOException {
    Path file = folder.getRoot().toPath().resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  static Table read(Path file) {
    return CsvTableReader.read(file, DEFAULTS);
  }

  static Table readLike(Path file, Table reference) {
    return CsvTableReader.readLike(file, reference, DEFAULTS);
  }
}

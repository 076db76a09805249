package dev.llmhpo.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared Adult files are: system property {@code adult.dir}, else ../shared/data/adult of the repo. */
final class AdultFiles {
  private AdultFiles() {}

  static Path dir() {
    String property = System.getProperty("adult.dir");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir.resolve("../shared/data/adult").normalize();
      }
    }
    throw new IllegalStateException("No adult.dir property and no repository root above the working directory");
  }

  static Path train() {
    return dir().resolve(AdultDataset.TRAIN_FILE);
  }

  static Path test() {
    return dir().resolve(AdultDataset.TEST_FILE);
  }
}

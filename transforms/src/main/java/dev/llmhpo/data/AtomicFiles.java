package dev.llmhpo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that they appear whole or not at all: content goes to a temporary file beside the target, which
 * is then renamed over it. A reader, or a second process doing the same, never sees a partly written file.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** A new empty temporary file in the target's directory, to be {@link #publish published} as the target. */
  static Path temporaryFor(Path target) throws IOException {
    return Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
  }

  static void publish(Path temporary, Path target) throws IOException {
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static void write(Path target, byte[] content) throws IOException {
    Path temporary = temporaryFor(target);
    try {
      Files.write(temporary, content);
      publish(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

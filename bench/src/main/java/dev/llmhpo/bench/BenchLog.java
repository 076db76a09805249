package dev.llmhpo.bench;

import dev.llmhpo.io.AtomicFiles;
import java.nio.file.Path;

/** What bench prints, also kept in a markdown file, rewritten after each section so a failure loses nothing printed. */
final class BenchLog {
  private final Path file;
  private final StringBuilder text = new StringBuilder();

  BenchLog(Path file) {
    this.file = file;
  }

  void add(String markdown) {
    System.out.println(markdown);
    System.out.flush();
    text.append(markdown).append('\n');
    AtomicFiles.writeString(file, text.toString());
  }
}

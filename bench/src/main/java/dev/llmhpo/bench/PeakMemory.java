package dev.llmhpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident memory (Linux {@code VmHWM}), resettable so that each measurement reports its own
 * peak: writing 5 to {@code /proc/self/clear_refs} sets the peak to the current resident size.
 */
final class PeakMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakMemory() {}

  /** Collects garbage, then starts a new peak from the current resident size; false where Linux does not allow it. */
  static boolean reset() {
    System.gc();
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Peak resident memory in MiB since start or the last {@link #reset}; NaN where /proc is missing. */
  static double peakMiB() {
    return statusMiB("VmHWM:");
  }

  /** Resident memory in MiB now; NaN where /proc is missing. */
  static double currentMiB() {
    return statusMiB("VmRSS:");
  }

  private static double statusMiB(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return Double.NaN;
  }
}

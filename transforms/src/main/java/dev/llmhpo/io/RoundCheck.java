package dev.llmhpo.io;

import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What verifying one round file found.
 *
 * @param detail for a verified or unverifiable file how many trials it holds; for a damaged one what is wrong
 * @param trials the trials that read: all of a verified or unverifiable file; of a damaged one those whose records
 *     match their checksums (or, in a file written before checksums, those in blocks that read)
 * @param lost the trials its header lists that no intact record holds; null when the file does not say which
 *     trials it held (written before checksums, or its header is gone)
 */
public record RoundCheck(Path file, Verdict verdict, String detail, List<TrialResult> trials, Lost lost) {
  public enum Verdict {
    VERIFIED,
    UNVERIFIABLE,
    DAMAGED
  }

  /** Trial ids of a study that a damaged round file held and no longer does. */
  public record Lost(String studyId, List<Integer> ids) {}

  public boolean damaged() {
    return verdict == Verdict.DAMAGED;
  }

  /** The file and the verdict, one line. */
  public String line() {
    return file
        + ": "
        + switch (verdict) {
          case VERIFIED -> "verified, " + detail;
          case UNVERIFIABLE -> "unverifiable (written before checksums), " + detail;
          case DAMAGED -> "damaged: " + detail;
        };
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.data.Fingerprints;
import dev.llmhpo.schema.DataChange;
import dev.llmhpo.schema.DataFingerprint;
import dev.llmhpo.schema.FileFingerprint;
import dev.llmhpo.schema.StudySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a continued study trains on the data it was started on. Its identity includes the data: the fingerprint
 * of each input file is kept in {@code study.avro}, and a continuation on other files stops (exit 2) naming the file,
 * unless {@code --allowDataChange} is given; then the history is kept and the change recorded, so the report can say
 * which rounds trained on which data.
 */
final class DataContinuity {
  private DataContinuity() {}

  /**
   * The data changes the new spec carries: the stored study's, plus one from {@code roundsDone} when the data
   * differs and {@code allowChange}; IllegalArgumentException naming the file when it differs and not.
   *
   * @param stored the study's last spec, or null for a new study
   */
  static List<DataChange> check(StudySpec stored, DataFingerprint now, int roundsDone, boolean allowChange, Path output) {
    if (stored == null) {
      return List.of();
    }
    List<DataChange> changes = new ArrayList<>(stored.getDataChanges());
    DataFingerprint before = stored.getData();
    if (before == null) {
      return changes; // a study started before fingerprints: nothing to compare with
    }
    String differs = differs("--train", before.getTrain(), now.getTrain());
    if (differs == null) {
      differs = differs("--test", before.getTest(), now.getTest());
    }
    if (differs == null) {
      return changes;
    }
    if (!allowChange) {
      throw new IllegalArgumentException(
          differs + "; the study in " + output + " was started on that, so its history would mix two tables. Use a"
              + " new --output for a new study, or --allowDataChange to continue on this data with the earlier rounds"
              + " marked as from other data.");
    }
    changes.add(DataChange.newBuilder().setFromRound(roundsDone).setPrevious(before).build());
    return changes;
  }

  private static String differs(String option, FileFingerprint before, FileFingerprint now) {
    if (Fingerprints.sameData(before, now)) {
      return null;
    }
    return option + "=" + (now == null ? "(none)" : now.getPath()) + " holds other data (" + describe(now)
        + ") than " + (before == null ? "(no file)" : before.getPath() + " (" + describe(before) + ")");
  }

  private static String describe(FileFingerprint file) {
    return file == null ? "no file" : file.getSize() + " bytes, SHA-256 " + file.getSha256().substring(0, 12) + "…";
  }
}

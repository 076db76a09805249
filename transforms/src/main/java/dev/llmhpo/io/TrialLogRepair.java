package dev.llmhpo.io;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sets each damaged round file of a trial log aside, under {@code trials/damaged/} with a timestamp (it is never
 * deleted), so that the study can continue. What of the round is intact stays in the log: a new round file holds
 * the trials whose records match their checksums, and, for each trial id the damaged file's header lists but no
 * intact record holds, a FAILED trial with an error saying it was lost, so that the next run's trial ids do not
 * reuse it. A file whose header is gone does not say which trials it held: it is only moved aside.
 */
public final class TrialLogRepair {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TrialLogRepair() {}

  /** A damaged round file, where it was put, and what of it the log still holds. */
  public record Repair(RoundCheck check, Path movedTo) {
    public String line() {
      String lost =
          check.lost() == null
              ? "which trials it held is not known"
              : check.lost().ids().isEmpty()
                  ? "no trial lost"
                  : TrialIds.of(check.lost().ids()) + " lost, logged as FAILED so the ids are not reused";
      String kept = check.trials().isEmpty() ? "nothing of it kept" : "kept " + TrialIds.of(check.trials().stream().map(r -> r.getTrial().getTrialId()).toList());
      return check.line() + "; moved to " + movedTo + "; " + kept + "; " + lost;
    }
  }

  /** Repairs every damaged round file of {@code log}; an empty list when none is damaged. */
  public static List<Repair> repair(TrialLog log) {
    String stamp = STAMP.format(Instant.now());
    List<Repair> repairs = new ArrayList<>();
    for (RoundCheck check : log.check()) {
      if (check.damaged()) {
        repairs.add(repair(log, check, log.dir().resolve("damaged").resolve(check.file().getFileName() + "." + stamp)));
      }
    }
    return repairs;
  }

  private static Repair repair(TrialLog log, RoundCheck check, Path aside) {
    int round = TrialLog.roundOf(check.file());
    List<TrialResult> replacement = new ArrayList<>(check.trials());
    if (check.lost() != null) {
      for (int id : check.lost().ids()) {
        replacement.add(lost(check, round, id, aside));
      }
    }
    replacement.sort(Comparator.comparingInt(r -> r.getTrial().getTrialId()));
    try {
      if (replacement.isEmpty()) {
        Files.createDirectories(aside.getParent());
        Files.move(check.file(), aside, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Copied (forced to disk) before the round file is replaced, so that no crash loses both.
        AtomicFiles.write(aside, out -> Files.copy(check.file(), out));
        log.writeRound(round, replacement);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not move " + check.file() + " to " + aside + ": " + e.getMessage(), e);
    }
    return new Repair(check, aside);
  }

  private static TrialResult lost(RoundCheck check, int round, int id, Path aside) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId(check.lost().studyId())
            .setTrialId(id)
            .setRound(round)
            .setParams(Map.of())
            .setProposer("lost")
            .build();
    return TrialResult.newBuilder()
        .setTrial(trial)
        .setStatus(TrialStatus.FAILED)
        .setError("lost: its record in " + check.file().getFileName() + " was damaged (" + check.detail() + "); the damaged file is " + aside)
        .setFinishedAtMillis(System.currentTimeMillis())
        .build();
  }
}

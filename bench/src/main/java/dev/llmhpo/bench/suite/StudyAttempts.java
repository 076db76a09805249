package dev.llmhpo.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.schema.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * When each run of one suite study started ({@code suite-attempts.json} in its folder), so that a study a kill
 * interrupted and a later suite resumed is timed by the time it actually ran: each attempt counts from its start to
 * its last finished trial (to its end for the attempt that finished the study), the gap between attempts not at all.
 */
final class StudyAttempts {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FILE = "suite-attempts.json";

  record Attempts(List<Long> startedAtMillis) {}

  private final List<Long> starts;

  private StudyAttempts(List<Long> starts) {
    this.starts = List.copyOf(starts);
  }

  static StudyAttempts read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return new StudyAttempts(List.of());
    }
    try {
      return new StudyAttempts(JSON.readValue(file.toFile(), Attempts.class).startedAtMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /** These attempts and one more starting at {@code millis}, recorded in {@code dir}. */
  StudyAttempts start(Path dir, long millis) {
    List<Long> all = new ArrayList<>(starts);
    all.add(millis);
    AtomicFiles.write(dir.resolve(FILE), out -> JSON.writeValue(out, new Attempts(all)));
    return new StudyAttempts(all);
  }

  int count() {
    return starts.size();
  }

  /**
   * The study's running time at each trial's finish, by position in {@code trials}.
   *
   * @param endMillis when the last attempt ended
   */
  double[] studySeconds(List<TrialResult> trials, long endMillis) {
    double[] offsets = offsets(trials, endMillis);
    double[] seconds = new double[trials.size()];
    for (int i = 0; i < trials.size(); i++) {
      long finished = trials.get(i).getFinishedAtMillis();
      int attempt = attemptOf(finished);
      seconds[i] = attempt < 0 ? 0 : offsets[attempt] + (finished - starts.get(attempt)) / 1000.0;
    }
    return seconds;
  }

  /** Seconds all attempts ran. */
  double totalSeconds(List<TrialResult> trials, long endMillis) {
    double[] offsets = offsets(trials, endMillis);
    return starts.isEmpty() ? 0 : offsets[starts.size()];
  }

  /** offsets[i]: seconds the attempts before attempt i ran; offsets[n]: all of them. */
  private double[] offsets(List<TrialResult> trials, long endMillis) {
    double[] offsets = new double[starts.size() + 1];
    for (int i = 0; i < starts.size(); i++) {
      long end = starts.get(i);
      if (i == starts.size() - 1) {
        end = endMillis;
      } else {
        for (TrialResult trial : trials) {
          if (attemptOf(trial.getFinishedAtMillis()) == i) {
            end = Math.max(end, trial.getFinishedAtMillis());
          }
        }
      }
      offsets[i + 1] = offsets[i] + (end - starts.get(i)) / 1000.0;
    }
    return offsets;
  }

  private int attemptOf(long finishedMillis) {
    int attempt = -1;
    for (int i = 0; i < starts.size() && starts.get(i) <= finishedMillis; i++) {
      attempt = i;
    }
    return attempt;
  }
}

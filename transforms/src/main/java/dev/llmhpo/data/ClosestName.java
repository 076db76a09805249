package dev.llmhpo.data;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The known name a mistyped one most likely meant: the closest within two edits, case ignored. */
public final class ClosestName {
  private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);

  private ClosestName() {}

  public static Optional<String> of(String typed, Collection<String> known) {
    String lower = typed.toLowerCase(Locale.ROOT);
    return known.stream()
        .filter(k -> distance(k, lower) >= 0)
        .min(Comparator.comparingInt((String k) -> distance(k, lower)).thenComparing(k -> k));
  }

  /** The edit distance, or -1 past two edits. */
  private static int distance(String known, String typedLower) {
    return WITHIN_TWO.apply(known.toLowerCase(Locale.ROOT), typedLower);
  }
}

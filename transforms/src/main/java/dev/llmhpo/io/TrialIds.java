package dev.llmhpo.io;

import java.util.ArrayList;
import java.util.List;

/** Trial ids as a reader wants them: {@code trial 7}, {@code trials 4..7}, {@code trials 1, 4..7}. */
final class TrialIds {
  private TrialIds() {}

  static String of(List<Integer> ids) {
    List<Integer> sorted = ids.stream().sorted().toList();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < sorted.size(); ) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      runs.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + ".." + sorted.get(j));
      i = j + 1;
    }
    return (sorted.size() == 1 ? "trial " : "trials ") + String.join(", ", runs);
  }

  /** {@code 1 trial}, {@code 4 trials}. */
  static String count(int n) {
    return n + (n == 1 ? " trial" : " trials");
  }
}

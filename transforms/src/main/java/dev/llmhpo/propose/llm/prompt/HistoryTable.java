package dev.llmhpo.propose.llm.prompt;

import dev.llmhpo.propose.llm.text.CleanText;
import dev.llmhpo.propose.llm.text.CompactNumber;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history as a compact Markdown table sorted so the best trial is the last row (OPRO: models attend most to the
 * end of the prompt), failed trials first with their errors.
 */
final class HistoryTable {
  private static final int MAX_ERROR_CHARS = 120;

  private final List<SearchParam> params;
  private final String metric;
  private final Comparator<TrialResult> worstToBest;

  HistoryTable(List<SearchParam> params, String metric, Direction direction) {
    this.params = params;
    this.metric = metric;
    Comparator<TrialResult> byValue = Comparator.comparingDouble(r -> r.getValue());
    Comparator<TrialResult> completedWorstToBest = direction == Direction.MAXIMIZE ? byValue : byValue.reversed();
    Comparator<TrialResult> failedFirst = Comparator.comparing(r -> isScored(r) ? 1 : 0);
    this.worstToBest = failedFirst
        .thenComparing((a, b) -> isScored(a) && isScored(b) ? completedWorstToBest.compare(a, b) : 0)
        .thenComparingInt(r -> r.getTrial().getTrialId());
  }

  /** The best {@code best} scored trials plus the {@code recent} latest ones (failed included), in table order. */
  List<TrialResult> select(List<TrialResult> history, int best, int recent) {
    Set<TrialResult> chosen = new LinkedHashSet<>();
    List<TrialResult> ordered = ordered(history);
    List<TrialResult> scored = ordered.stream().filter(HistoryTable::isScored).toList();
    chosen.addAll(scored.subList(Math.max(0, scored.size() - best), scored.size()));
    List<TrialResult> byId = new ArrayList<>(history);
    byId.sort(Comparator.comparingInt(r -> r.getTrial().getTrialId()));
    chosen.addAll(byId.subList(Math.max(0, byId.size() - recent), byId.size()));
    return ordered(new ArrayList<>(chosen));
  }

  List<TrialResult> ordered(List<TrialResult> trials) {
    List<TrialResult> sorted = new ArrayList<>(trials);
    sorted.sort(worstToBest);
    return sorted;
  }

  /** The rows, already in table order; {@code total} is the history's size, to say how many were left out. */
  String render(List<TrialResult> rows, int total) {
    StringBuilder t = new StringBuilder();
    if (rows.size() < total) {
      t.append("Showing ").append(rows.size()).append(" of ").append(total)
          .append(" trials: the best and the most recent.\n");
    }
    t.append("| trial |");
    params.forEach(p -> t.append(' ').append(p.getName()).append(" |"));
    t.append(' ').append(metric).append(" | status |\n|---|");
    params.forEach(p -> t.append("---|"));
    t.append("---|---|\n");
    for (TrialResult r : rows) {
      Map<String, Object> values = r.getTrial().getParams();
      t.append("| ").append(r.getTrial().getTrialId()).append(" |");
      params.forEach(p -> t.append(' ').append(CompactNumber.format(values.get(p.getName()))).append(" |"));
      t.append(' ').append(isScored(r) ? CompactNumber.format(r.getValue()) : "-").append(" | ");
      t.append(status(r));
      t.append(" |\n");
    }
    return t.toString();
  }

  private static String status(TrialResult r) {
    if (isScored(r)) {
      return "ok";
    }
    if (r.getStatus() == TrialStatus.FAILED) {
      return "FAILED: " + (r.getError() == null ? "no error message" : CleanText.clean(r.getError(), MAX_ERROR_CHARS));
    }
    return "no metric value";
  }

  /** A trial counts as scored when it completed with a value; anything else sorts with the failures. */
  static boolean isScored(TrialResult r) {
    return r.getStatus() == TrialStatus.COMPLETE && r.getValue() != null && !r.getValue().isNaN();
  }
}

package dev.llmhpo.report;

import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every trial in one table, and the failed ones with their errors. */
final class TrialSections {
  private TrialSections() {}

  /** One row per trial; its rationale, when it has one, on a full-width row below. */
  static String all(StudyRecord record, ProposerColours colours) {
    List<String> metrics = record.metricNames();
    List<String> header = new ArrayList<>(List.of("trial", "round", "status", "proposer"));
    record.spec().getSpace().forEach(p -> header.add(p.getName()));
    header.addAll(metrics);
    header.addAll(List.of("best iteration", "seconds"));
    int bestId = record.best().map(b -> b.getTrial().getTrialId()).orElse(-1);
    StringBuilder table = new StringBuilder("<table class=\"trials\">\n<thead><tr>");
    header.forEach(h -> table.append("<th>").append(Html.esc(h)).append("</th>"));
    table.append("</tr></thead>\n<tbody>\n");
    for (TrialResult r : record.trials()) {
      int id = r.getTrial().getTrialId();
      String status = r.getStatus().toString().toLowerCase();
      table.append(id == bestId ? "<tr class=\"trial best\">" : "<tr class=\"trial\">");
      cell(table, id == bestId ? "<b>" + id + " (best)</b>" : String.valueOf(id));
      cell(table, String.valueOf(r.getTrial().getRound()));
      cell(table, "<span class=\"status " + status + "\">" + status + "</span>");
      cell(table, "<span class=\"swatch\" style=\"background:" + colours.css(r.getTrial().getProposer()) + "\"></span>" + Html.esc(r.getTrial().getProposer()));
      for (SearchParam p : record.spec().getSpace()) {
        cell(table, Html.esc(Format.value(r.getTrial().getParams().get(p.getName()))));
      }
      for (String m : metrics) {
        Double v = r.getMetrics().get(m);
        cell(table, v == null ? "" : Html.esc(Format.number(v)));
      }
      cell(table, r.getBestIteration() == null ? "" : String.valueOf(r.getBestIteration()));
      cell(table, Html.esc(String.format("%.2f", r.getTrainSeconds())));
      table.append("</tr>\n");
      if (r.getTrial().getRationale() != null && !r.getTrial().getRationale().isBlank()) {
        table.append("<tr class=\"rationale\"><td></td><td colspan=\"").append(header.size() - 1).append("\">")
            .append("<span class=\"label\">rationale</span> ").append(Html.esc(r.getTrial().getRationale())).append("</td></tr>\n");
      }
    }
    table.append("</tbody>\n</table>\n");
    return ReportPage.section("trials", "<div class=\"scroll\">\n" + table + "</div>\n");
  }

  private static void cell(StringBuilder table, String html) {
    table.append("<td>").append(html).append("</td>");
  }

  static String failed(StudyRecord record) {
    List<TrialResult> failed = record.failed();
    if (failed.isEmpty()) {
      return ReportPage.section("failed", Html.note("No trial failed."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (TrialResult r : failed) {
      String params =
          record.spec().getSpace().stream()
              .map(p -> p.getName() + "=" + Format.value(r.getTrial().getParams().get(p.getName())))
              .collect(Collectors.joining(", "));
      rows.add(
          List.of(
              String.valueOf(r.getTrial().getTrialId()),
              String.valueOf(r.getTrial().getRound()),
              Html.esc(r.getTrial().getProposer()),
              Html.esc(params),
              Html.esc(String.format("%.2f", r.getTrainSeconds())),
              "<code class=\"error\">" + Html.esc(r.getError()) + "</code>"));
    }
    long total = record.trials().stream().filter(r -> r.getStatus() != TrialStatus.PENDING).count();
    return ReportPage.section("failed", Html.p(failed.size() + " of " + total + " trials failed; a failed trial is recorded and the study goes on.")
            + Html.table("failed", List.of("trial", "round", "proposer", "params", "seconds", "error"), rows));
  }
}

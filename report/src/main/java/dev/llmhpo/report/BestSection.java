package dev.llmhpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The best configuration, its validation metrics and the final model's test metrics. */
final class BestSection {
  private BestSection() {}

  static String render(StudyRecord record) {
    TrialResult best = record.best().orElse(null);
    if (best == null) {
      return ReportPage.section("best", Html.note("No trial has completed yet."));
    }
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("trial", best.getTrial().getTrialId());
    about.put("round", best.getTrial().getRound());
    about.put("proposer", best.getTrial().getProposer());
    about.put(record.spec().getMetric() + " (validation)", Format.number(best.getValue()));
    about.put("best iteration", best.getBestIteration());
    about.put("training time", Format.seconds(best.getTrainSeconds()));
    if (best.getTrial().getRationale() != null) {
      about.put("rationale", best.getTrial().getRationale());
    }
    List<List<String>> params = new ArrayList<>();
    for (SearchParam p : record.spec().getSpace()) {
      params.add(List.of(Html.esc(p.getName()), Html.esc(Format.value(best.getTrial().getParams().get(p.getName())))));
    }
    return ReportPage.section("best", Html.keyValues(about)
            + "<div class=\"pair\"><div>\n<h3>Parameters</h3>\n"
            + Html.table("params", List.of("parameter", "value"), params)
            + "</div><div>\n<h3>Metrics</h3>\n"
            + metrics(record, best)
            + "</div></div>\n");
  }

  /** Validation metrics of the best trial beside the final model's test metrics, every metric either side has. */
  private static String metrics(StudyRecord record, TrialResult best) {
    JsonNode summary = record.summary();
    // A summary from an earlier run (the latest run stopped before its end) scores an earlier best: not this one.
    boolean sameBest = summary != null && summary.at("/best/trialId").asInt(-1) == best.getTrial().getTrialId();
    JsonNode test = sameBest ? summary.get("test") : null;
    Set<String> names = new LinkedHashSet<>(record.metricNames());
    if (test != null && test.isObject()) {
      test.fieldNames().forEachRemaining(names::add);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String name : names) {
      Double validation = best.getMetrics().get(name);
      JsonNode t = test == null ? null : test.get(name);
      rows.add(
          List.of(
              Html.esc(name),
              validation == null ? "" : Html.esc(Format.number(validation)),
              t == null || !t.isNumber() ? "" : Html.esc(Format.number(t.asDouble()))));
    }
    String table = Html.table("metrics", List.of("metric", "validation", "test"), rows);
    if (summary == null) {
      return table + Html.note("No summary.json yet (the study has not finished): no test metrics.");
    }
    if (!sameBest) {
      return table
          + Html.note("No test metrics: summary.json is of an earlier run whose best was trial " + summary.at("/best/trialId").asText() + ".");
    }
    if (test == null || !test.isObject()) {
      return table + Html.note("No test metrics: the study has no test file.");
    }
    return table
        + Html.note("Test: the best configuration retrained on the whole training file for its best iteration count, scored on the test file.");
  }
}

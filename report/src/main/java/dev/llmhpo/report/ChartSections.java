package dev.llmhpo.report;

import dev.llmhpo.schema.SearchParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** The charts: convergence, one panel per parameter, parallel coordinates and parameter importance. */
final class ChartSections {
  private ChartSections() {}

  static String convergence(StudyRecord record, ProposerColours colours) {
    if (record.completed().isEmpty()) {
      return ReportPage.section("convergence", Html.note("No trial has completed yet."));
    }
    XYChart byTime = ConvergenceCharts.byElapsed(record, colours);
    String body =
        legend(record, colours)
            + Html.img("convergence by trial", ChartImage.dataUri(ConvergenceCharts.byTrial(record, colours)), "chart wide")
            + (byTime == null
                ? Html.note("The trial log holds no finishing times, so there is no chart by elapsed time.")
                : Html.img("convergence by elapsed time", ChartImage.dataUri(byTime), "chart wide"));
    return ReportPage.section("convergence", body);
  }

  static String params(StudyRecord record, ProposerColours colours) {
    if (record.completed().isEmpty()) {
      return ReportPage.section("params", Html.note("No trial has completed yet."));
    }
    StringBuilder panels = new StringBuilder("<div class=\"panels\">\n");
    for (SearchParam param : record.spec().getSpace()) {
      panels.append(Html.img("parameter " + param.getName(), ChartImage.dataUri(ParamCharts.of(record, param, colours)), "chart panel"));
    }
    panels.append("</div>\n");
    return ReportPage.section("params", Html.p("Each completed trial's value of a parameter against its " + record.spec().getMetric()
                + "; log axes where the space is log; the black diamond is the best trial.")
            + panels);
  }

  static String parallel(StudyRecord record) {
    if (record.completed().isEmpty()) {
      return ReportPage.section("parallel", Html.note("No trial has completed yet."));
    }
    return ReportPage.section("parallel", Html.p("The best " + Math.round(100 * ParallelCoordinatesChart.SHARE) + " % of completed trials (at least "
                + ParallelCoordinatesChart.AT_LEAST + "), one line each; every axis runs from the low end of the"
                + " parameter's range (0) to the high end (1) on the space's own scale, the last axis from the best to"
                + " the worst " + record.spec().getMetric() + " drawn; darker lines are better trials.")
            + Html.img("parallel coordinates", ChartImage.dataUri(ParallelCoordinatesChart.of(record)), "chart wide"));
  }

  static String importance(StudyRecord record) {
    ParamImportance importance = ParamImportance.of(record);
    String method = "<p class=\"method\"><b>Method.</b> " + Html.esc(ParamImportance.METHOD) + "</p>\n";
    if (importance.unavailable() != null) {
      return ReportPage.section("importance", method + Html.note("Not computed: " + importance.unavailable() + "."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : importance.shares().entrySet()) {
      rows.add(List.of(Html.esc(e.getKey()), Html.esc(Format.number(e.getValue()))));
    }
    return ReportPage.section("importance", method
            + Html.p("Fitted to " + importance.trialsUsed() + " completed trials.")
            + Html.img("parameter importance", ChartImage.dataUri(ImportanceChart.of(importance)), "chart wide")
            + Html.table("importance", List.of("parameter", "importance"), rows));
  }

  /** The proposers' colours, as in every chart. */
  private static String legend(StudyRecord record, ProposerColours colours) {
    StringBuilder out = new StringBuilder("<p class=\"legend\">Proposers: ");
    for (String proposer : record.proposers()) {
      out.append("<span class=\"swatch\" style=\"background:").append(colours.css(proposer)).append("\"></span>")
          .append(Html.esc(proposer)).append(" ");
    }
    return out.append("</p>\n").toString();
  }
}

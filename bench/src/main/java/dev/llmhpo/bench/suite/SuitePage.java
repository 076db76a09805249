package dev.llmhpo.bench.suite;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import dev.llmhpo.bench.suite.SuiteReport.Section;
import dev.llmhpo.bench.suite.SuiteSummary.ArmSummary;
import dev.llmhpo.bench.suite.SuiteSummary.TableSummary;
import dev.llmhpo.report.ChartImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code suite.html}: one page with no file beside it and no network, the charts inline as PNG. */
final class SuitePage {
  private final SuiteSummary summary;
  private final List<Section> sections;
  private final String command;
  private final String machine;
  private final String footer;

  SuitePage(SuiteSummary summary, List<Section> sections, String command, String machine, String footer) {
    this.summary = summary;
    this.sections = sections;
    this.command = command;
    this.machine = machine;
    this.footer = footer;
  }

  String html() {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>llm-hpo benchmark suite</title>\n<style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:90em}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.25em .5em;font-size:90%;text-align:left}")
        .append(".note{color:#555;max-width:60em}img{max-width:100%}.curves{display:flex;flex-wrap:wrap;gap:1em}")
        .append("</style></head><body>\n<h1>llm-hpo benchmark suite</h1>\n")
        .append("<p><code>").append(escapeHtml4(command)).append("</code></p>\n<p>").append(escapeHtml4(machine))
        .append("</p>\n<h2>Mean rank across tables</h2>\n");
    if (summary.rankedTables() > 0) {
      out.append(img("mean rank of each arm", ChartImage.dataUri(rankChart()), "rank-plot"));
    }
    out.append("<p class=\"note\">").append(escapeHtml4(summary.rankNote())).append(".</p>\n");
    out.append("<h2>Anytime curves</h2>\n");
    for (TableSummary table : summary.tables()) {
      out.append("<h3>").append(escapeHtml4(table.table())).append("</h3>\n<div class=\"curves\">\n")
          .append(img(table.table() + ": best validation by trials", ChartImage.dataUri(byTrials(table)), "curve"))
          .append(img(table.table() + ": best validation by seconds", ChartImage.dataUri(bySeconds(table)), "curve"))
          .append("</div>\n");
    }
    out.append("<h2>Tables</h2>\n");
    sections.forEach(section -> out.append(table(section)));
    out.append("<p class=\"note\">").append(escapeHtml4(footer).replace("\n", "<br>\n")).append("</p>\n");
    return out.append("</body></html>\n").toString();
  }

  private CategoryChart rankChart() {
    CategoryChart chart = new CategoryChartBuilder().width(640).height(320)
        .title("Mean rank over " + summary.rankedTables() + " tables (1 = best)").xAxisTitle("arm")
        .yAxisTitle("mean rank").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    List<String> arms = new ArrayList<>(summary.meanRank().keySet());
    chart.addSeries("mean rank", arms, arms.stream().map(summary.meanRank()::get).toList());
    return chart;
  }

  private static XYChart byTrials(TableSummary table) {
    XYChart chart = curveChart(table, "trials");
    for (ArmSummary arm : table.arms()) {
      double[] x = new double[arm.curve().length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      add(chart, arm.arm(), x, arm.curve());
    }
    return chart;
  }

  private static XYChart bySeconds(TableSummary table) {
    XYChart chart = curveChart(table, "seconds");
    table.arms().forEach(arm -> add(chart, arm.arm(), arm.secondsGrid(), arm.secondsCurve()));
    return chart;
  }

  private static XYChart curveChart(TableSummary table, String unit) {
    XYChart chart = new XYChartBuilder().width(520).height(320)
        .title(table.table() + ": median best validation " + table.metric() + " by " + unit).xAxisTitle(unit)
        .yAxisTitle(table.metric()).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    chart.getStyler().setYAxisDecimalPattern("0.#####");
    return chart;
  }

  /** A series of the finite points; an arm with none is left out. */
  private static void add(XYChart chart, String name, double[] x, double[] y) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(y[i])) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    if (!xs.isEmpty()) {
      chart.addSeries(name, xs, ys).setMarker(xs.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
  }

  private static String img(String alt, String dataUri, String cssClass) {
    return "<img class=\"" + cssClass + "\" alt=\"" + escapeHtml4(alt) + "\" src=\"" + dataUri + "\">\n";
  }

  private static String table(Section section) {
    StringBuilder out = new StringBuilder("<h3>").append(escapeHtml4(section.title())).append("</h3>\n<table>\n<tr>");
    section.header().forEach(h -> out.append("<th>").append(escapeHtml4(h)).append("</th>"));
    out.append("</tr>\n");
    for (List<String> row : section.rows()) {
      out.append("<tr>");
      row.forEach(cell -> out.append("<td>").append(escapeHtml4(cell)).append("</td>"));
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    if (!section.note().isEmpty()) {
      out.append("<p class=\"note\">").append(escapeHtml4(section.note())).append("</p>\n");
    }
    return out.toString();
  }
}

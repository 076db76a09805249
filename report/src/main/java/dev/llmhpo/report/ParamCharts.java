package dev.llmhpo.report;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One panel per parameter: its value against the metric, on a log axis where the space is log, categoricals by
 * choice; the best trial is a black diamond.
 */
final class ParamCharts {
  private ParamCharts() {}

  static XYChart of(StudyRecord record, SearchParam param, ProposerColours colours) {
    XYChart chart =
        ChartStyle.scatter(
            param.getName(),
            param.getName() + (param.getLog() ? " (log scale)" : ""),
            record.spec().getMetric(),
            ChartStyle.PANEL_WIDTH,
            ChartStyle.PANEL_HEIGHT);
    chart.getStyler().setXAxisLogarithmic(param.getLog());
    if (param.getType() == ParamType.CATEGORICAL) {
      List<String> choices = param.getChoices();
      chart.getStyler().setXAxisMin(-0.6).setXAxisMax(choices.size() - 0.4);
      // A choice's name at its index; other ticks blank. XChart drops every tick unless the labels are distinct,
      // so each blank is a different number of spaces.
      chart.setCustomXAxisTickLabelsFormatter(
          x -> {
            long i = Math.round(x);
            boolean choice = Math.abs(x - i) < 1e-9 && i >= 0 && i < choices.size();
            return choice ? choices.get((int) i) : " ".repeat((int) Math.max(1, Math.round((x + 1) * 4)));
          });
    }
    for (String proposer : record.proposers()) {
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (TrialResult r : record.completed()) {
        double x = x(param, r);
        if (r.getTrial().getProposer().equals(proposer) && !Double.isNaN(x)) {
          xs.add(x);
          ys.add(r.getValue());
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries(proposer, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(colours.of(proposer));
      }
    }
    record
        .best()
        .filter(best -> !Double.isNaN(x(param, best)))
        .ifPresent(
            best -> {
              XYSeries series = chart.addSeries("best", new double[] {x(param, best)}, new double[] {best.getValue()});
              series.setMarker(SeriesMarkers.DIAMOND);
              series.setMarkerColor(Color.BLACK);
            });
    return chart;
  }

  /** The trial's value of the parameter on the chart's x axis (a choice's index); NaN when it has none. */
  private static double x(SearchParam param, TrialResult r) {
    Object value = r.getTrial().getParams().get(param.getName());
    if (param.getType() == ParamType.CATEGORICAL) {
      int index = value == null ? -1 : param.getChoices().indexOf(value.toString());
      return index < 0 ? Double.NaN : index;
    }
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}

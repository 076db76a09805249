package dev.llmhpo.report;

import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Parallel coordinates of the best trials, drawn as an XY chart: one vertical axis per parameter at x = 0, 1, ...,
 * and the metric last; each trial is one line through its values, each axis scaled to [0, 1] as the space samples it
 * (log where log); darker lines are better trials.
 */
final class ParallelCoordinatesChart {
  static final double SHARE = 0.2;
  static final int AT_LEAST = 5;

  private ParallelCoordinatesChart() {}

  /** The trials drawn: the best 20 % of completed trials, at least five (or all when fewer), best first. */
  static List<TrialResult> bestTrials(StudyRecord record) {
    List<TrialResult> completed = record.completed();
    Comparator<TrialResult> better = Comparator.comparingDouble(TrialResult::getValue);
    if (record.higherIsBetter()) {
      better = better.reversed();
    }
    int n = Math.min(completed.size(), Math.max(AT_LEAST, (int) Math.ceil(SHARE * completed.size())));
    return completed.stream().sorted(better).limit(n).toList();
  }

  static XYChart of(StudyRecord record) {
    List<SearchParam> space = record.spec().getSpace();
    List<TrialResult> best = bestTrials(record);
    XYChart chart =
        ChartStyle.scatter(
            "Parallel coordinates of the best " + best.size() + " of " + record.completed().size() + " completed trials",
            "",
            "position on each axis (0 = low end, 1 = high end)",
            ChartStyle.WIDE,
            ChartStyle.TALL + 60);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setXAxisMin(-0.3).setXAxisMax(space.size() + 0.3);
    chart.getStyler().setYAxisMin(-0.16).setYAxisMax(1.04);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.setCustomYAxisTickLabelsFormatter(y -> y < -1e-9 || y > 1 + 1e-9 ? "" : String.format("%.1f", y));
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

    double[] axisX = {0, 0};
    double[] axisY = {0, 1};
    for (int i = 0; i <= space.size(); i++) {
      axisX[0] = axisX[1] = i;
      XYSeries axis = chart.addSeries("axis " + i, axisX.clone(), axisY);
      axis.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      axis.setMarker(SeriesMarkers.NONE);
      axis.setLineColor(new Color(0x999999));
      axis.setLineStyle(new BasicStroke(1f));
      String label = i < space.size() ? space.get(i).getName() + (space.get(i).getLog() ? " (log)" : "") : record.spec().getMetric();
      // Labels alternate between two heights so that long names do not run into each other.
      chart.addAnnotation(new AnnotationText(label, i, i % 2 == 0 ? -0.05 : -0.12, false));
    }

    double low = best.stream().mapToDouble(TrialResult::getValue).min().orElse(0);
    double high = best.stream().mapToDouble(TrialResult::getValue).max().orElse(1);
    UnitCoordinates coordinates = new UnitCoordinates(space);
    double[] x = new double[space.size() + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    for (int rank = best.size() - 1; rank >= 0; rank--) { // the best drawn last, on top
      TrialResult r = best.get(rank);
      double[] y = new double[space.size() + 1];
      double[] point = coordinates.of(r.getTrial().getParams());
      System.arraycopy(point, 0, y, 0, point.length);
      y[space.size()] = high > low ? (r.getValue() - low) / (high - low) : 0.5;
      XYSeries line = chart.addSeries("trial " + r.getTrial().getTrialId(), x, y);
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setMarker(SeriesMarkers.CIRCLE);
      Color colour = shade(best.size() == 1 ? 0 : rank / (double) (best.size() - 1));
      line.setLineColor(colour);
      line.setMarkerColor(colour);
      line.setLineStyle(new BasicStroke(rank == 0 ? 3f : 1.5f));
    }
    return chart;
  }

  /** From dark blue (0, the best) to pale blue (1). */
  private static Color shade(double t) {
    Color dark = new Color(0x08306B), pale = new Color(0xA6C8E6);
    return new Color(
        (int) Math.round(dark.getRed() + t * (pale.getRed() - dark.getRed())),
        (int) Math.round(dark.getGreen() + t * (pale.getGreen() - dark.getGreen())),
        (int) Math.round(dark.getBlue() + t * (pale.getBlue() - dark.getBlue())));
  }
}

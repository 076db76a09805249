package dev.llmhpo.report;

import dev.llmhpo.schema.TrialResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Each trial's value and the best so far, by trial and by elapsed time, one colour per proposer. */
final class ConvergenceCharts {
  private ConvergenceCharts() {}

  static XYChart byTrial(StudyRecord record, ProposerColours colours) {
    XYChart chart =
        ChartStyle.scatter(
            "Convergence by trial", "trial", axisTitle(record), ChartStyle.WIDE, ChartStyle.TALL);
    List<TrialResult> done = record.completed();
    addProposerSeries(chart, record, colours, done, r -> r.getTrial().getTrialId());
    addBestSoFar(chart, record, done, r -> r.getTrial().getTrialId());
    return chart;
  }

  /** Seconds from the start of the study's first trial to the end of each trial; null when the log has no times. */
  static XYChart byElapsed(StudyRecord record, ProposerColours colours) {
    List<TrialResult> timed =
        record.completed().stream()
            .filter(r -> r.getFinishedAtMillis() > 0)
            .sorted(Comparator.comparingLong(TrialResult::getFinishedAtMillis))
            .toList();
    if (timed.isEmpty()) {
      return null;
    }
    double start =
        record.trials().stream()
            .filter(r -> r.getFinishedAtMillis() > 0)
            .mapToDouble(r -> r.getFinishedAtMillis() - 1000 * r.getTrainSeconds())
            .min()
            .orElseThrow();
    ToDoubleFunction<TrialResult> seconds = r -> (r.getFinishedAtMillis() - start) / 1000.0;
    XYChart chart =
        ChartStyle.scatter(
            "Convergence by elapsed time",
            "seconds since the first trial started",
            axisTitle(record),
            ChartStyle.WIDE,
            ChartStyle.TALL);
    addProposerSeries(chart, record, colours, timed, seconds);
    addBestSoFar(chart, record, timed, seconds);
    return chart;
  }

  static String axisTitle(StudyRecord record) {
    return record.spec().getMetric() + (record.higherIsBetter() ? " (higher is better)" : " (lower is better)");
  }

  private static void addProposerSeries(
      XYChart chart,
      StudyRecord record,
      ProposerColours colours,
      List<TrialResult> trials,
      ToDoubleFunction<TrialResult> x) {
    for (String proposer : record.proposers()) {
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (TrialResult r : trials) {
        if (r.getTrial().getProposer().equals(proposer)) {
          xs.add(x.applyAsDouble(r));
          ys.add(r.getValue());
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries(proposer, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(colours.of(proposer));
      }
    }
  }

  /** A step line through the best value reached so far, in the order of x. */
  private static void addBestSoFar(
      XYChart chart, StudyRecord record, List<TrialResult> trials, ToDoubleFunction<TrialResult> x) {
    if (trials.isEmpty()) {
      return;
    }
    List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
    double best = Double.NaN;
    for (TrialResult r : trials) {
      double v = r.getValue();
      if (Double.isNaN(best) || (record.higherIsBetter() ? v > best : v < best)) {
        best = v;
      }
      xs.add(x.applyAsDouble(r));
      ys.add(best);
    }
    XYSeries line = chart.addSeries("best so far", xs, ys);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(new Color(0x333333));
    line.setLineStyle(new BasicStroke(2f));
  }
}

package dev.llmhpo.bench;

import static dev.llmhpo.bench.MarkdownTable.number;

import dev.llmhpo.bench.EfficiencySummary.ProposerSummary;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The efficiency tables, JSON ({@code bench-efficiency.json}) and chart ({@code bench-efficiency.png}). */
final class EfficiencyReport {
  private static final int EARLY = EfficiencyScenario.EARLY_CHECKPOINT;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
  };

  private final EfficiencySummary summary;
  private final int trialsPerRound;
  private final TpeSettings tpe;

  EfficiencyReport(EfficiencySummary summary, int trialsPerRound, TpeSettings tpe) {
    this.summary = summary;
    this.trialsPerRound = trialsPerRound;
    this.tpe = tpe;
  }

  String markdown() {
    String metric = summary.metric();
    List<String> header = new ArrayList<>(List.of("proposer", "runs"));
    for (int n : summary.checkpoints()) {
      header.add("best validation " + metric + " after " + n + " (median [IQR])");
    }
    header.addAll(
        List.of(
            "trials to within 0.5 % of best (median, runs that got there)",
            "test logloss of best after " + EARLY,
            "s to " + EARLY + " trials",
            "test logloss / AUC / accuracy of final best",
            "study s"));
    MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
    int last = summary.trials();
    summary.proposers().forEach(
        (name, p) -> {
          List<Object> cells = new ArrayList<>(List.of(name, p.runs()));
          for (int n : summary.checkpoints()) {
            cells.add(
                number(p.medianAt(n), 5) + " [" + number(p.q1At(n), 5) + "–" + number(p.q3At(n), 5) + "]");
          }
          cells.add(number(p.trialsToWithin(), 1) + " (" + p.reached() + "/" + p.runs() + ")");
          cells.add(testValue(p, EARLY, "logloss", 5));
          cells.add(number(p.secondsTo().getOrDefault(EARLY, Double.NaN), 0));
          cells.add(
              testValue(p, last, "logloss", 5) + " / " + testValue(p, last, "auc", 4) + " / "
                  + testValue(p, last, "accuracy", 4));
          cells.add(number(p.medianWallSeconds(), 0));
          table.row(cells.toArray());
        });
    StringBuilder out = new StringBuilder(table.toString());
    out.append("\nBest validation ").append(metric).append(" of any run: ").append(number(summary.bestOverall(), 5))
        .append(". ").append(summary.trials()).append(" trials per study, ").append(trialsPerRound)
        .append(" per round, the default configuration first; test scores are medians over seeds of the best")
        .append(" configuration retrained on the whole training file, as the study's final model. TPE: ")
        .append(tpe.startupTrials()).append(" random start-up trials, ")
        .append(tpe.multivariate() ? "multivariate" : "univariate").append(".\n");
    out.append(comparisons());
    out.append('\n').append(anchors());
    return out.toString();
  }

  private String comparisons() {
    StringBuilder out = new StringBuilder();
    ProposerSummary tpe = summary.proposers().get("tpe");
    ProposerSummary random = summary.proposers().get("random");
    int last = summary.trials();
    if (tpe != null && random != null && last >= EARLY) {
      double tpeEarly = tpe.medianAt(EARLY);
      double randomLast = random.medianAt(last);
      out.append(String.format(
          "tpe after %d trials: median best validation %s %s; random after %d: %s (%s).%n",
          EARLY, summary.metric(), number(tpeEarly, 5), last, number(randomLast, 5),
          tpeEarly <= randomLast ? "at or below" : "above"));
    }
    if (tpe != null && tpe.medianTest().containsKey(EARLY)) {
      double logloss = tpe.medianTest().get(EARLY).get("logloss");
      double seconds = tpe.secondsTo().get(EARLY);
      out.append(String.format(
          "tpe after %d trials: test logloss %s in %s s; H2O-3 random grid, %d models: %s in %s s (%s, %s).%n",
          EARLY, number(logloss, 5), number(seconds, 0), PublishedAnchors.H2O_MODELS,
          number(PublishedAnchors.H2O_TEST_LOGLOSS, 5), number(PublishedAnchors.H2O_SECONDS, 0),
          logloss < PublishedAnchors.H2O_TEST_LOGLOSS ? "lower logloss" : "not lower",
          seconds < PublishedAnchors.H2O_SECONDS / 2 ? "in less than half the time" : "not in half the time"));
    }
    return out.toString();
  }

  private static String anchors() {
    return new MarkdownTable("published anchor (not measured here), Adult test set", "logloss", "AUC", "accuracy")
        .row("XGBoost default, FT-Transformer benchmark", "–", number(PublishedAnchors.FT_DEFAULT_AUC, 4),
            number(PublishedAnchors.FT_DEFAULT_ACCURACY, 4))
        .row("XGBoost tuned (100 TPE trials), FT-Transformer benchmark", "–", number(PublishedAnchors.FT_TUNED_AUC, 4),
            number(PublishedAnchors.FT_TUNED_ACCURACY, 4))
        .row("XGBoost tuned, CatBoost benchmark", number(PublishedAnchors.CATBOOST_BENCHMARK_TUNED_XGBOOST_LOGLOSS, 5),
            "–", "–")
        .row("H2O-3 3.44 random grid over XGBoost, 20 models in 568 s (best validation logloss 0.27445)",
            number(PublishedAnchors.H2O_TEST_LOGLOSS, 5), number(PublishedAnchors.H2O_TEST_AUC, 4),
            number(PublishedAnchors.H2O_TEST_ACCURACY, 4))
        .row("H2O-3 3.44 default XGBoost", number(PublishedAnchors.H2O_DEFAULT_XGBOOST_TEST_LOGLOSS, 5), "–", "–")
        .toString();
  }

  private static String testValue(ProposerSummary p, int n, String metric, int decimals) {
    Map<String, Double> test = p.medianTest().get(n);
    return test == null ? "–" : number(test.get(metric), decimals);
  }

  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    summary.proposers().forEach(
        (name, p) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("runs", p.runs());
          Map<String, Double> medians = new LinkedHashMap<>();
          Map<String, double[]> quartiles = new LinkedHashMap<>();
          for (int n : summary.checkpoints()) {
            medians.put(Integer.toString(n), p.medianAt(n));
            quartiles.put(Integer.toString(n), new double[] {p.q1At(n), p.q3At(n)});
          }
          entry.put("medianBestValidation", medians);
          entry.put("quartilesBestValidation", quartiles);
          entry.put("trialsToWithinHalfPercent", finiteOrNull(p.trialsToWithin()));
          entry.put("runsWithinHalfPercent", p.reached());
          entry.put("test", p.medianTest().get(summary.trials()));
          entry.put("testAfter" + EARLY, p.medianTest().get(EARLY));
          Map<String, Double> seconds = new LinkedHashMap<>();
          p.secondsTo().forEach((n, s) -> seconds.put(Integer.toString(n), s));
          entry.put("secondsTo", seconds);
          entry.put("medianStudySeconds", p.medianWallSeconds());
          out.put(name, entry);
        });
    return out;
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  void write(Path dir) {
    BenchFiles.json(dir.resolve("bench-efficiency.json"), json());
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(480)
            .title("Best validation " + summary.metric() + " so far (median, dashed: quartiles)")
            .xAxisTitle("trial")
            .yAxisTitle(summary.metric())
            .build();
    int index = 0;
    for (Map.Entry<String, ProposerSummary> entry : summary.proposers().entrySet()) {
      Color colour = PALETTE[index++ % PALETTE.length];
      for (int q = 0; q < 3; q++) {
        XYSeries series = addCurve(chart, entry.getKey() + (q == 1 ? "" : q == 0 ? " q1" : " q3"), entry.getValue(), q);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        if (q != 1) {
          series.setLineStyle(SeriesLines.DASH_DASH);
          series.setShowInLegend(false);
        }
      }
    }
    BenchFiles.png(dir.resolve("bench-efficiency.png"), chart);
  }

  private XYSeries addCurve(XYChart chart, String name, ProposerSummary p, int quantile) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < summary.trials(); i++) {
      double v = p.bestSoFar()[i][quantile];
      if (Double.isFinite(v)) {
        x.add(i + 1.0);
        y.add(v);
      }
    }
    return chart.addSeries(name, x, y);
  }
}

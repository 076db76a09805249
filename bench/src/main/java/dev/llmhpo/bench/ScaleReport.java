package dev.llmhpo.bench;

import static dev.llmhpo.bench.MarkdownTable.number;

import dev.llmhpo.bench.ScaleScenario.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The scale table, its JSON ({@code bench-scale.json}) and chart ({@code bench-scale.png}). */
final class ScaleReport {
  private final List<Row> rows;
  private final int boostRounds;

  ScaleReport(List<Row> rows, int boostRounds) {
    this.rows = List.copyOf(rows);
    this.boostRounds = boostRounds;
  }

  String markdown() {
    MarkdownTable table =
        new MarkdownTable(
            "rows", "features", "trials", "data loads", "load s", "launcher s", "trial s (median)", "study s",
            "RSS at start MiB", "peak RSS MiB");
    for (Row r : rows) {
      table.row(
          r.rows(), r.features(), r.trials(), r.dataLoads(), number(r.loadSeconds(), 1),
          number(r.prepareSeconds(), 1), number(r.trialSeconds(), 2), number(r.wallSeconds(), 1),
          number(r.startRssMb(), 0), number(r.peakRssMb(), 0));
    }
    return table
        + "\nOne fixed configuration (XGBoost's defaults, hist) for " + boostRounds + " boosting rounds without early"
        + " stopping; the test table has a quarter as many rows. Data loads counts every time this process read the"
        + " CSV files during the study (launcher, embedded Flink workers, final model): the launcher reads them once"
        + " and every trial, round and the final model reuse that copy. Launcher s is the launcher's share before"
        + " the job starts, the load included. RSS at start is the process's resident memory as the study began (heap"
        + " kept from earlier work included), peak RSS its peak during the study.\n";
  }

  List<Map<String, Object>> json() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rows", r.rows());
      row.put("features", r.features());
      row.put("loadSeconds", r.loadSeconds());
      row.put("trialSeconds", r.trialSeconds());
      row.put("peakRssMb", r.peakRssMb());
      row.put("startRssMb", r.startRssMb());
      row.put("trials", r.trials());
      row.put("dataLoads", r.dataLoads());
      row.put("prepareSeconds", r.prepareSeconds());
      row.put("studySeconds", r.wallSeconds());
      row.put("generateSeconds", r.generateSeconds());
      out.add(row);
    }
    return out;
  }

  void write(Path dir) {
    BenchFiles.json(dir.resolve("bench-scale.json"), json());
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(480)
            .title("Scale: seconds by table size (" + boostRounds + " boosting rounds per trial)")
            .xAxisTitle("rows")
            .yAxisTitle("seconds")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    List<Double> x = rows.stream().map(r -> (double) r.rows()).toList();
    chart.addSeries("trial (median)", x, rows.stream().map(Row::trialSeconds).toList());
    chart.addSeries("data load", x, rows.stream().map(Row::loadSeconds).toList());
    BenchFiles.png(dir.resolve("bench-scale.png"), chart);
  }
}

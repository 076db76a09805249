package dev.llmhpo.bench;

import static dev.llmhpo.bench.MarkdownTable.number;

import dev.llmhpo.bench.OverheadScenario.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The overhead table, its JSON ({@code bench-overhead.json}) and chart ({@code bench-overhead.png}). */
final class OverheadReport {
  private final List<Row> rows;

  private final double coldStartSeconds;

  OverheadReport(List<Row> rows, double coldStartSeconds) {
    this.rows = List.copyOf(rows);
    this.coldStartSeconds = coldStartSeconds;
  }

  String markdown() {
    MarkdownTable table =
        new MarkdownTable(
            "p", "trial target s", "trial measured s", "boosting rounds", "trials", "rounds", "pipeline s", "loop s",
            "ratio", "data loads");
    for (Row r : rows) {
      table.row(
          r.p(), number(r.trialSeconds(), 2), number(r.measuredTrialSeconds(), 2), r.boostRounds(), r.trials(),
          r.rounds(), number(r.pipelineSeconds(), 1), number(r.loopSeconds(), 1), number(r.ratio(), 3),
          r.dataLoads());
    }
    return table
        + "\nratio = wall(pipeline) / wall(loop): the same trials and final model, as a study on embedded Flink at"
        + " parallelism p and as a plain thread pool of p threads, each timed from reading the data to the final"
        + " model's test scores, both in one warm JVM: an untimed warm-up study (16 short trials) ran first, taking "
        + number(coldStartSeconds, 1) + " s cold. Target: at most 1.05 for 1 s trials.\n"
        + "Anchor: " + PublishedAnchors.RAY_TUNE + "\n";
  }

  List<Map<String, Object>> json() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("p", r.p());
      row.put("trialSeconds", r.trialSeconds());
      row.put("measuredTrialSeconds", r.measuredTrialSeconds());
      row.put("boostRounds", r.boostRounds());
      row.put("trials", r.trials());
      row.put("rounds", r.rounds());
      row.put("pipelineSeconds", r.pipelineSeconds());
      row.put("loopSeconds", r.loopSeconds());
      row.put("ratio", r.ratio());
      row.put("dataLoads", r.dataLoads());
      out.add(row);
    }
    return out;
  }

  void write(Path dir) {
    BenchFiles.json(dir.resolve("bench-overhead.json"), json());
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(480)
            .title("Pipeline overhead: wall(pipeline) / wall(loop)")
            .xAxisTitle("trial length target (s)")
            .yAxisTitle("ratio")
            .build();
    Map<Integer, List<Row>> byP = new TreeMap<>();
    rows.forEach(r -> byP.computeIfAbsent(r.p(), p -> new ArrayList<>()).add(r));
    byP.forEach(
        (p, cells) ->
            chart.addSeries(
                "p = " + p,
                cells.stream().map(r -> number(r.trialSeconds(), 2)).toList(),
                cells.stream().map(Row::ratio).toList()));
    BenchFiles.png(dir.resolve("bench-overhead.png"), chart);
  }
}

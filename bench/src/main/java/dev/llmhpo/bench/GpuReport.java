package dev.llmhpo.bench;

import static dev.llmhpo.bench.MarkdownTable.number;

import dev.llmhpo.bench.GpuScenario.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The GPU table, its JSON ({@code bench-gpu.json}) and chart ({@code bench-gpu.png}). */
final class GpuReport {
  private final List<Row> rows;

  GpuReport(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  String markdown() {
    if (rows.isEmpty()) {
      return "GPU scenario skipped: CUDA cannot train on this machine (see the warning in the log).\n";
    }
    MarkdownTable table =
        new MarkdownTable("rows", "features", "boosting rounds", "CPU threads", "CPU trial s", "GPU trial s", "speed-up");
    for (Row r : rows) {
      table.row(
          r.rows(), r.features(), r.boostRounds(), r.cpuThreads(), number(r.cpuTrialSeconds(), 2),
          number(r.gpuTrialSeconds(), 2), number(r.speedUp(), 1) + "x");
    }
    return table
        + "\nThe scale study at depth 8 through the pipeline, once on every CPU core, once on the GPU. Reference, "
        + PublishedAnchors.XGBOOST4J_H100 + " Target: at least 8x at 1 M rows.\n";
  }

  List<Map<String, Object>> json() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rows", r.rows());
      row.put("features", r.features());
      row.put("boostRounds", r.boostRounds());
      row.put("cpuThreads", r.cpuThreads());
      row.put("cpuTrialSeconds", r.cpuTrialSeconds());
      row.put("gpuTrialSeconds", r.gpuTrialSeconds());
      row.put("speedUp", r.speedUp());
      out.add(row);
    }
    return out;
  }

  void write(Path dir) {
    if (rows.isEmpty()) {
      return;
    }
    BenchFiles.json(dir.resolve("bench-gpu.json"), json());
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(480)
            .title("Trial seconds, CPU vs GPU")
            .xAxisTitle("rows")
            .yAxisTitle("seconds per trial")
            .build();
    List<String> x = rows.stream().map(r -> Integer.toString(r.rows())).toList();
    chart.addSeries("CPU", x, rows.stream().map(Row::cpuTrialSeconds).toList());
    chart.addSeries("GPU", x, rows.stream().map(Row::gpuTrialSeconds).toList());
    BenchFiles.png(dir.resolve("bench-gpu.png"), chart);
  }
}

package dev.llmhpo.bench.suite;

import static dev.llmhpo.bench.MarkdownTable.number;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmhpo.bench.MarkdownTable;
import dev.llmhpo.bench.suite.SuiteSummary.ArmSummary;
import dev.llmhpo.bench.suite.SuiteSummary.PairSummary;
import dev.llmhpo.bench.suite.SuiteSummary.Spread;
import dev.llmhpo.bench.suite.SuiteSummary.TableSummary;
import dev.llmhpo.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's results as {@code suite.md} (tables), {@code suite.json} (every number) and {@code suite.html}
 * (the same tables with the rank plot and each table's anytime curves, one self-contained page).
 */
public final class SuiteReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SuiteScenario.Result result;
  private final String command;
  private final String machine;

  public SuiteReport(SuiteScenario.Result result, String command, String machine) {
    this.result = result;
    this.command = command;
    this.machine = machine;
  }

  /** A table of the page, rendered as markdown or HTML. */
  record Section(String title, List<String> header, List<List<String>> rows, String note) {
    String markdown() {
      MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
      rows.forEach(row -> table.row(row.toArray()));
      return "### " + title + "\n\n" + table + (note.isEmpty() ? "" : "\n" + note + "\n");
    }
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    sections().forEach(section -> out.append(section.markdown()).append('\n'));
    out.append(footer());
    return out.toString();
  }

  public void write(Path dir) {
    AtomicFiles.writeString(dir.resolve("suite.md"),
        "# llm-hpo benchmark suite\n\n`" + command + "`\n\n" + machine + "\n\n" + markdown());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", command);
    json.put("machine", machine);
    json.put("studiesRun", result.ran());
    json.put("studiesSkippedAsDone", result.skipped());
    json.put("failed", result.failed());
    json.put("summary", result.summary());
    AtomicFiles.write(dir.resolve("suite.json"), out -> JSON.writeValue(out, json));
    AtomicFiles.write(dir.resolve("suite.html"),
        out -> out.write(new SuitePage(result.summary(), sections(), command, machine, footer())
            .html().getBytes(StandardCharsets.UTF_8)));
  }

  List<Section> sections() {
    SuiteSummary s = result.summary();
    List<Section> sections = new ArrayList<>();
    sections.add(perTable(s));
    sections.add(pairs(s, "validation"));
    sections.add(pairs(s, "test"));
    sections.add(acrossTables(s));
    return sections;
  }

  private static Section perTable(SuiteSummary s) {
    List<String> header = new ArrayList<>(List.of("table (metric)", "arm", "seeds"));
    SuiteSummary.checkpoints(s.trials()).forEach(n -> header.add("best validation after " + n + " trials"));
    s.budgetSeconds().forEach(sec -> header.add("best validation at " + number(sec, 0) + " s"));
    header.addAll(List.of("test (final model)", "wall s", "utilisation", "normalised improvement"));
    List<List<String>> rows = new ArrayList<>();
    for (TableSummary t : s.tables()) {
      for (ArmSummary a : t.arms()) {
        List<String> row = new ArrayList<>(List.of(t.table() + " (" + t.metric() + ")", a.arm(),
            Integer.toString(a.seeds())));
        a.bestAfterTrials().values().forEach(spread -> row.add(spread(spread, 5)));
        a.bestAfterSeconds().values().forEach(spread -> row.add(spread(spread, 5)));
        row.add(spread(a.test(), 5));
        row.add(number(a.wallSeconds().median(), 0));
        row.add(number(a.utilisation().median(), 2));
        row.add(number(a.normalisedImprovement(), 2));
        rows.add(row);
      }
    }
    return new Section("Per table and arm", header, rows,
        "Medians over seeds, [interquartile range]. Best validation: the best trial's value on the validation split "
            + "after that many trials or seconds (– before any trial finished). Test: the study's final model on the "
            + "test rows. Utilisation: seconds spent training trials / (wall seconds × worker slots). Normalised "
            + "improvement: (default − arm) / (default − best any arm found) on the same seed, 0 for XGBoost's "
            + "defaults, 1 for the best found.");
  }

  private static Section pairs(SuiteSummary s, String measure) {
    List<List<String>> rows = new ArrayList<>();
    for (PairSummary p : s.pairs()) {
      if (p.measure().equals(measure)) {
        rows.add(List.of(p.table(), p.armA() + " vs " + p.armB(), Integer.toString(p.n()),
            p.wins() + "/" + p.ties() + "/" + p.losses(),
            number(p.medianDifference(), 5) + " [" + number(p.low(), 5) + ", " + number(p.high(), 5) + "]",
            number(p.pValue(), 3)));
      }
    }
    String what = measure.equals("validation") ? "best validation value" : "final model's test value";
    return new Section("Pairs of arms, " + what,
        List.of("table", "A vs B", "seeds", "A wins/ties/losses", "median A − B [95 % bootstrap interval]",
            "Wilcoxon p"),
        rows,
        "Seed by seed (same split, same validation rows). A − B in the metric's units (for logloss, negative means A "
            + "is better). Percentile bootstrap of the median, " + PairedStats.BOOTSTRAP_RESAMPLES + " resamples. "
            + "Two-sided Wilcoxon signed-rank, zero differences left out; with 5 seeds the smallest possible p is "
            + "0.0625.");
  }

  private static Section acrossTables(SuiteSummary s) {
    List<List<String>> rows = new ArrayList<>();
    for (String arm : s.arms()) {
      rows.add(List.of(arm, number(s.meanRank().getOrDefault(arm, Double.NaN), 2),
          number(s.meanNormalisedImprovement().getOrDefault(arm, Double.NaN), 2)));
    }
    return new Section("Across tables",
        List.of("arm", "mean rank (" + s.rankedTables() + " tables)", "mean normalised improvement"),
        rows,
        "Rank on each table by median best validation value after " + s.trials() + " trials (1 = best, ties share "
            + "their mean rank). " + s.rankNote() + ".");
  }

  private String footer() {
    StringBuilder out = new StringBuilder();
    SuiteSummary s = result.summary();
    if (!s.skippedArms().isEmpty()) {
      out.append("Skipped (no chat endpoint configured): ").append(String.join(", ", s.skippedArms())).append(".\n");
    }
    if (!result.failed().isEmpty()) {
      out.append("Failed studies (rerun the suite to retry them):\n");
      result.failed().forEach(f -> out.append("- ").append(f).append('\n'));
    }
    out.append(result.ran()).append(" studies ran, ").append(result.skipped())
        .append(" were already done by an earlier run.\n");
    return out.toString();
  }

  private static String spread(Spread spread, int decimals) {
    return number(spread.median(), decimals) + " [" + number(spread.q1(), decimals) + "–"
        + number(spread.q3(), decimals) + "]";
  }
}

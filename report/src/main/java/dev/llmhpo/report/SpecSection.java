package dev.llmhpo.report;

import dev.llmhpo.schema.DataChange;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The study spec: data source, task, metric, budget and settings, then the search space. */
final class SpecSection {
  private SpecSection() {}

  static String render(StudyRecord record) {
    StudySpec spec = record.spec();
    DataSource source = spec.getDataSource();
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("study", spec.getStudyId());
    rows.put("task", spec.getTask().toString().toLowerCase());
    rows.put("metric", spec.getMetric() + ", " + (record.higherIsBetter() ? "maximised" : "minimised") + ", on the validation split");
    rows.put("proposer", spec.getProposer() + (record.proposers().isEmpty() ? "" : "  (trials by: " + String.join(", ", record.proposers()) + ")"));
    rows.put("training file", source.getTrainPath());
    rows.put("test file", source.getTestPath() == null ? "none" : source.getTestPath());
    for (DataChange change : spec.getDataChanges()) {
      rows.put(
          "data changed before round " + change.getFromRound(),
          "rounds before it trained on other data (--allowDataChange): " + change.getPrevious().getTrain().getPath()
              + ", " + change.getPrevious().getTrain().getSize() + " bytes, SHA-256 " + change.getPrevious().getTrain().getSha256());
    }
    rows.put("target", source.getTarget());
    String positive =
        source.getPositiveClass() != null
            ? source.getPositiveClass()
            : record.dataCard() != null && record.dataCard().hasNonNull("positiveClass")
                ? record.dataCard().get("positiveClass").asText() + " (the last label in sorted order)"
                : null;
    if (positive != null) {
      rows.put("positive class", positive);
    }
    rows.put("rounds done", record.roundsDone());
    rows.put("trials", record.trials().size() + " (" + record.completed().size() + " completed, " + record.failed().size() + " failed)");
    rows.put("trials per round", spec.getTrialsPerRound());
    rows.put("boosting rounds", "at most " + spec.getMaxBoostRounds() + ", early stopping after " + spec.getEarlyStoppingRounds() + " without improvement");
    rows.put("validation split", Format.number(spec.getValidationFraction()) + " of the training file, stratified, seeded");
    rows.put("seed", spec.getSeed());
    rows.put("device", spec.getDevice() + ", " + spec.getThreadsPerTrial() + " XGBoost thread(s) per trial");
    rows.put("latest run started", Format.time(spec.getStartedAtMillis()));
    if (record.summary() != null && record.summary().hasNonNull("elapsedSeconds")) {
      rows.put("latest run took", Format.seconds(record.summary().get("elapsedSeconds").asDouble()));
    }
    return ReportPage.section("spec", Html.keyValues(rows) + "<h3>Search space</h3>\n" + space(spec.getSpace()));
  }

  private static String space(List<SearchParam> space) {
    List<List<String>> rows = new ArrayList<>();
    for (SearchParam p : space) {
      String range =
          p.getType() == ParamType.CATEGORICAL
              ? String.join(", ", p.getChoices())
              : Format.value(p.getType() == ParamType.INT ? (Object) Math.round(p.getLow()) : p.getLow())
                  + " … "
                  + Format.value(p.getType() == ParamType.INT ? (Object) Math.round(p.getHigh()) : p.getHigh());
      rows.add(
          List.of(
              Html.esc(p.getName()),
              Html.esc(p.getType().toString().toLowerCase()),
              Html.esc(range),
              p.getType() == ParamType.CATEGORICAL ? "" : p.getLog() ? "log" : "linear",
              Html.esc(Format.value(p.getDefaultValue()))));
    }
    return Html.table("space", List.of("parameter", "type", "range", "scale", "default"), rows);
  }
}

package dev.llmhpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.history.BestTrial;
import dev.llmhpo.history.Histories;
import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a report is built from, all read from a study's output folder: the spec ({@code study.avro}), every trial of
 * the log sorted by id, and, once the study has finished, its summary and data card (null before).
 */
public record StudyRecord(StudySpec spec, List<TrialResult> trials, JsonNode summary, JsonNode dataCard) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static StudyRecord read(Path outputDir) {
    StudySpec spec = StudySpecFile.read(outputDir);
    List<TrialResult> trials =
        Histories.of(spec.getStudyId(), 0, new TrialLog(outputDir).readAll(), spec.getDirection()).getResults();
    JsonNode summary = readJson(outputDir.resolve("summary.json"));
    JsonNode dataCard = readJson(outputDir.resolve("data-card.json"));
    if (dataCard == null && summary != null && summary.hasNonNull("dataCard")) {
      dataCard = summary.get("dataCard");
    }
    return new StudyRecord(spec, List.copyOf(trials), summary, dataCard);
  }

  private static JsonNode readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not readable JSON: " + e.getMessage(), e);
    }
  }

  public Optional<TrialResult> best() {
    return BestTrial.of(trials, spec.getDirection());
  }

  /** Completed trials with a finite value, by trial id. */
  public List<TrialResult> completed() {
    return trials.stream()
        .filter(r -> r.getStatus() == TrialStatus.COMPLETE && r.getValue() != null && Double.isFinite(r.getValue()))
        .toList();
  }

  public List<TrialResult> failed() {
    return trials.stream().filter(r -> r.getStatus() == TrialStatus.FAILED).toList();
  }

  public int roundsDone() {
    return trials.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0);
  }

  public boolean higherIsBetter() {
    return spec.getDirection() == Direction.MAXIMIZE;
  }

  /** Every metric name the log holds, the study's metric first, then in order of first appearance. */
  public List<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add(spec.getMetric());
    trials.forEach(r -> r.getMetrics().keySet().forEach(k -> names.add(k.toString())));
    return List.copyOf(names);
  }

  /** Proposer names in order of first appearance. */
  public List<String> proposers() {
    Set<String> names = new LinkedHashSet<>();
    trials.forEach(r -> names.add(r.getTrial().getProposer()));
    return List.copyOf(names);
  }
}

package dev.llmhpo.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The study's {@code summary.json}: counts, the best trial, its test metrics and what proposing cost. */
public final class StudySummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StudySummary() {}

  /**
   * @param test test-set metrics of the final model, or null when there is no test file or no completed trial
   * @param modelPath the saved final model, or null
   */
  public static String toJson(
      StudySpec spec, History history, Map<String, Double> test, String modelPath, String dataCardJson) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("study", spec.getStudyId());
    root.put("task", spec.getTask().toString().toLowerCase());
    root.put("metric", spec.getMetric());
    root.put("direction", spec.getDirection().toString().toLowerCase());
    JsonNode card = readCard(dataCardJson);
    if (card != null && card.hasNonNull("positiveClass")) {
      root.put("positiveClass", card.get("positiveClass").asText()); // what the binary metrics score
    }
    root.put("proposer", spec.getProposer());
    root.put("rounds", history.getRoundsDone());
    root.put("trials", counts(history));
    root.put("best", best(spec, history.getBest()));
    root.put("test", test);
    root.put("model", modelPath);
    root.put("proposals", proposals(history));
    root.put("elapsedSeconds", (System.currentTimeMillis() - spec.getStartedAtMillis()) / 1000.0);
    root.put("dataCard", card);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the summary: " + e.getMessage(), e);
    }
  }

  private static JsonNode readCard(String dataCardJson) {
    try {
      return dataCardJson == null ? null : JSON.readTree(dataCardJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read the data card: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> counts(History history) {
    Map<String, Object> trials = new LinkedHashMap<>();
    trials.put("total", history.getResults().size());
    trials.put("completed", history.getResults().stream().filter(r -> r.getStatus() == TrialStatus.COMPLETE).count());
    trials.put("failed", history.getResults().stream().filter(r -> r.getStatus() == TrialStatus.FAILED).count());
    Map<String, Long> byProposer = new TreeMap<>();
    history.getResults().forEach(r -> byProposer.merge(r.getTrial().getProposer(), 1L, Long::sum));
    trials.put("byProposer", byProposer);
    return trials;
  }

  private static Map<String, Object> best(StudySpec spec, TrialResult best) {
    if (best == null) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>(); // in the space's order
    spec.getSpace().forEach(p -> params.put(p.getName(), best.getTrial().getParams().get(p.getName())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trialId", best.getTrial().getTrialId());
    out.put("round", best.getTrial().getRound());
    out.put("proposer", best.getTrial().getProposer());
    out.put("params", params);
    out.put("bestIteration", best.getBestIteration());
    out.put("validation", best.getMetrics());
    return out;
  }

  private static Map<String, Object> proposals(History history) {
    long calls = 0, promptTokens = 0, completionTokens = 0, repairs = 0, fallbacks = 0, cacheHits = 0;
    for (TrialResult r : history.getResults()) {
      ProposalInfo info = r.getTrial().getProposal();
      if (info != null) {
        calls += info.getLlmCalls();
        promptTokens += info.getPromptTokens();
        completionTokens += info.getCompletionTokens();
        repairs += info.getRepairs();
        fallbacks += info.getFallbacks();
        cacheHits += info.getCacheHits();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("llmCalls", calls);
    out.put("promptTokens", promptTokens);
    out.put("completionTokens", completionTokens);
    out.put("repairs", repairs);
    out.put("fallbacks", fallbacks);
    out.put("cacheHits", cacheHits);
    return out;
  }
}

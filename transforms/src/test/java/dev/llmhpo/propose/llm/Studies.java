package dev.llmhpo.propose.llm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.Objective;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.TrialBudget;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.guard.AnswerSettings.OutputFormat;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchParams;
import dev.llmhpo.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Study, history, data card and answer fixtures shared by the LLM proposer tests. */
public final class Studies {
  /** XGBoost's default space plus a categorical parameter, so category handling is exercised too. */
  public static final SearchSpace SPACE = withGrowPolicy();
  public static final String DATA_CARD = "{\"rows\": 32561, \"target\": \"income\", \"classBalance\": {\">50K\": 0.24,"
      + " \"<=50K\": 0.76}, \"columns\": [{\"name\": \"age\", \"type\": \"numeric\", \"missing\": 0.0},"
      + " {\"name\": \"workclass\", \"type\": \"categorical\", \"missing\": 0.056, \"cardinality\": 9}]}";
  /** Answers asked for by JSON schema, out-of-range numbers clipped: the defaults of the options. */
  public static final AnswerSettings ANSWERS = new AnswerSettings(OutputFormat.JSON_SCHEMA, OutOfRange.CLIP);
  public static final CacheSettings NO_CACHE = new CacheSettings(CacheMode.OFF, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Studies() {}

  private static SearchSpace withGrowPolicy() {
    List<SearchParam> params = new ArrayList<>(SearchSpace.xgboostDefault().params());
    params.add(SearchParams.categorical("grow_policy", List.of("depthwise", "lossguide"), "depthwise"));
    return SearchSpace.of(params);
  }

  /**
   * A fresh study's budget: five rounds of four trials, each training up to 2000 boosting rounds with early stopping
   * after 50, with the history's trials used.
   */
  public static TrialBudget budget(List<TrialResult> history) {
    return new TrialBudget(20, history.size(), 5, 4, 2000, 50);
  }

  public static Objective objective(Direction direction) {
    return new Objective(TaskType.BINARY, "income", direction == Direction.MAXIMIZE ? "auc" : "logloss", direction);
  }

  /** Settings for a fake chat model: an Ollama endpoint nothing listens on, and no retries. */
  public static LlmSettings settings(AnswerSettings answer, CacheSettings cache, double llmShare) {
    return settings(answer, cache, llmShare, Duration.ofSeconds(30));
  }

  /** The same, with {@code roundTimeout} for the chat model's time in each round. */
  public static LlmSettings settings(
      AnswerSettings answer, CacheSettings cache, double llmShare, Duration roundTimeout) {
    EndpointSettings endpoint = new EndpointSettings(Provider.OLLAMA, "http://127.0.0.1:9", "scripted-model", null,
        null, 0.7, 2048, Duration.ofSeconds(1), roundTimeout);
    return new LlmSettings(endpoint, RetryPolicy.of(0), PromptSettings.of(8000), answer, cache, llmShare);
  }

  /** A configuration of the space: the defaults with eta and max_depth set. */
  public static Map<String, Object> config(double eta, long maxDepth) {
    Map<String, Object> raw = new LinkedHashMap<>(SPACE.defaults());
    raw.put("eta", eta);
    raw.put("max_depth", maxDepth);
    return SPACE.coerce(raw, OutOfRange.REJECT);
  }

  public static TrialResult complete(int trialId, Map<String, Object> params, double value) {
    return result(trialId, params, TrialStatus.COMPLETE, value, null);
  }

  public static TrialResult failed(int trialId, Map<String, Object> params, String error) {
    return result(trialId, params, TrialStatus.FAILED, null, error);
  }

  private static TrialResult result(
      int id, Map<String, Object> params, TrialStatus status, Double value, String error) {
    Trial trial = Trial.newBuilder().setStudyId("adult-llm").setTrialId(id).setRound(id / 4)
        .setParams(new LinkedHashMap<>(params)).setProposer("tpe").build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(status).setValue(value).setError(error).build();
  }

  /** Two completed trials (the first one the defaults) and one failed one. */
  public static List<TrialResult> smallHistory() {
    return List.of(
        complete(0, config(0.3, 6), 0.91),
        complete(1, config(0.05, 4), 0.925),
        failed(2, config(0.25, 12), "XGBoostError: out of memory"));
  }

  public static ProposalRequest request(List<TrialResult> history, int n) {
    return request(history, n, 42L);
  }

  public static ProposalRequest request(List<TrialResult> history, int n, long seed) {
    return new ProposalRequest(
        objective(Direction.MAXIMIZE), SPACE, history, List.of(), n, history.size() / 4, seed, DATA_CARD,
        budget(history));
  }

  public static ProposalRequest request(Direction direction, List<TrialResult> history, int n, String dataCard) {
    return new ProposalRequest(
        objective(direction), SPACE, history, List.of(), n, history.size() / 4, 1L, dataCard, budget(history));
  }

  /** A study's first batch: no history, the defaults already in the batch as the baseline, n more wanted. */
  public static ProposalRequest firstBatch(int n) {
    ProposedConfig baseline = new ProposedConfig(SPACE.defaults(), "default", "XGBoost's default configuration");
    return new ProposalRequest(
        objective(Direction.MAXIMIZE), SPACE, List.of(), List.of(baseline), n, 0, 42L, DATA_CARD, budget(List.of()));
  }

  /** An answer in the requested shape: {"analysis": ..., "configs": [{"params": ..., "rationale": ...}]}. */
  public static String answer(List<Map<String, Object>> configs) {
    ObjectNode root = JSON.createObjectNode();
    root.put("analysis", "Lower eta with moderate depth scored best so far.");
    ArrayNode array = root.putArray("configs");
    for (int i = 0; i < configs.size(); i++) {
      ObjectNode item = array.addObject();
      item.set("params", JSON.valueToTree(configs.get(i)));
      item.put("rationale", "Config " + (i + 1) + " probes a new region.");
    }
    return root.toString();
  }

  /** Four configurations distinct from each other and from {@link #smallHistory()}. */
  public static List<Map<String, Object>> fourNewConfigs() {
    return List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6));
  }

  /** Exactly n configurations, each inside the space, distinct from each other and from the taken ones. */
  public static void assertValidBatch(ProposalRequest request, List<ProposedConfig> batch) {
    assertThat(batch, hasSize(request.n()));
    Set<String> history = new HashSet<>();
    request.taken().forEach(config -> history.add(SPACE.canonicalKey(config)));
    Set<String> seen = new HashSet<>();
    for (ProposedConfig c : batch) {
      assertTrue("inside the space: " + c.params(), SPACE.contains(c.params()));
      String key = SPACE.canonicalKey(c.params());
      assertTrue("distinct within the batch: " + c.params(), seen.add(key));
      assertFalse("not taken: " + c.params(), history.contains(key));
    }
  }

  public static long countLabelled(List<ProposedConfig> batch, String proposer) {
    return batch.stream().filter(c -> c.proposer().equals(proposer)).count();
  }

  public static void assertLabels(List<ProposedConfig> batch, long fromLlm, long fromTpe) {
    assertEquals("configs labelled llm", fromLlm, countLabelled(batch, "llm"));
    assertEquals("configs labelled tpe", fromTpe, countLabelled(batch, "tpe"));
  }
}

package dev.llmhpo.propose.llm;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmhpo.propose.llm.endpoint.ChatUsage;
import dev.llmhpo.schema.ProposalInfo;
import java.util.Map;

/** Counts what one {@code propose} call cost, to be reported as its {@link ProposalInfo}. */
final class ProposalTally implements ChatUsage {
  private int requests;
  private long promptTokens;
  private long completionTokens;
  private int repairs;
  private int fallbacks;
  private int cacheHits;
  private String analysis;

  @Override
  public void request() {
    requests++;
  }

  @Override
  public void tokens(TokenUsage usage) {
    if (usage != null) {
      promptTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      completionTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }
  }

  @Override
  public void cacheHit() {
    cacheHits++;
  }

  void repair() {
    repairs++;
  }

  void fallbacks(int count) {
    fallbacks += count;
  }

  void analysisIfNone(String text) {
    if (analysis == null && text != null && !text.isBlank()) {
      analysis = text;
    }
  }

  int cacheHits() {
    return cacheHits;
  }

  /** The counts ProposeTrialsFn adds to the Beam counters of the same names. */
  Map<String, Long> counts() {
    return Map.of("llm_calls", (long) requests, "llm_fallbacks", (long) fallbacks);
  }

  ProposalInfo toInfo() {
    return ProposalInfo.newBuilder()
        .setAnalysis(analysis)
        .setLlmCalls(requests)
        .setPromptTokens(promptTokens)
        .setCompletionTokens(completionTokens)
        .setRepairs(repairs)
        .setFallbacks(fallbacks)
        .setCacheHits(cacheHits)
        .build();
  }
}

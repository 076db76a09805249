package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.model.output.TokenUsage;

/** What asking the endpoint spent: each request sent (answered or not), the tokens it used, answers from the cache. */
public interface ChatUsage {
  void request();

  void tokens(TokenUsage usage);

  void cacheHit();
}

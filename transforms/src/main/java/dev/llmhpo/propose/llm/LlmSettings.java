package dev.llmhpo.propose.llm;

import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * Serialisable settings of the LLM proposers, one record per concern. The API key is not among them, only where it
 * is ({@link EndpointSettings}).
 *
 * @param endpoint where the chat model is and how it samples
 * @param retry which failed requests are sent again, and after how long
 * @param prompt how large a prompt may grow
 * @param answer how the answer is asked for and checked
 * @param cache whether answers are recorded or replayed
 * @param llmShare the {@code llm-tpe} share of each batch asked of the chat model, in [0, 1]
 */
public record LlmSettings(
    EndpointSettings endpoint,
    RetryPolicy retry,
    PromptSettings prompt,
    AnswerSettings answer,
    CacheSettings cache,
    double llmShare)
    implements Serializable {
  public LlmSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(cache, "cache");
    if (!(llmShare >= 0 && llmShare <= 1)) {
      throw new IllegalArgumentException("llmShare must be in [0, 1], was " + llmShare);
    }
  }
}

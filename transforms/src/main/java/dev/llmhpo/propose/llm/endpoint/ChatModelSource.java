package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.model.chat.ChatModel;
import java.io.Serializable;

/**
 * Where an LLM proposer gets its chat model, on the worker: {@link ChatModelFactory#create} in production, a fake
 * in tests. Serialisable, because it travels in the proposer's recipe.
 */
@FunctionalInterface
public interface ChatModelSource extends Serializable {
  /** The chat model for {@code endpoint}; {@code apiKey} is null for providers without one. */
  ChatModel open(EndpointSettings endpoint, String apiKey);
}

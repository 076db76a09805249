package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the LangChain4j chat model for the settings' provider; one method per provider. */
public final class ChatModelFactory {
  private ChatModelFactory() {}

  /** {@code apiKey} is null for providers without one. The client never retries: {@link ChatEndpoint} does. */
  public static ChatModel create(EndpointSettings settings, String apiKey) {
    return switch (settings.provider()) {
      case OPENAI -> openAi(settings, apiKey);
      case OLLAMA -> ollama(settings);
    };
  }

  private static ChatModel openAi(EndpointSettings settings, String apiKey) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(new RetryAfterHttpClientBuilder())
        .baseUrl(settings.baseUrl())
        .apiKey(apiKey)
        .modelName(settings.model())
        .temperature(settings.temperature())
        .maxTokens(settings.maxOutputTokens())
        .timeout(settings.requestTimeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  private static ChatModel ollama(EndpointSettings settings) {
    return OllamaChatModel.builder()
        .httpClientBuilder(new RetryAfterHttpClientBuilder())
        .baseUrl(settings.baseUrl())
        .modelName(settings.model())
        .temperature(settings.temperature())
        .numPredict(settings.maxOutputTokens())
        .timeout(settings.requestTimeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}

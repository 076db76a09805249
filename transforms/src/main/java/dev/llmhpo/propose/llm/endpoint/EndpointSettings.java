package dev.llmhpo.propose.llm.endpoint;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the chat model is and how it samples. Holds where the API key is (an environment variable's name or a
 * file's path), never the key itself: the key is read on the worker when the chat model is built.
 *
 * @param provider which chat API to speak
 * @param baseUrl the endpoint, for example {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param model the model name the endpoint knows
 * @param apiKeyEnv name of the environment variable holding the API key (OpenAI-compatible only)
 * @param apiKeyFile path of a file holding the API key; when set it wins over {@code apiKeyEnv}
 * @param temperature sampling temperature
 * @param maxOutputTokens the cap on tokens in one answer
 * @param requestTimeout how long one request may take, connect to last byte
 * @param roundTimeout how long one round may spend on the chat endpoint, retries, their waits and the repair
 *     included; what is still missing then comes from the fallback proposer
 */
public record EndpointSettings(
    Provider provider,
    String baseUrl,
    String model,
    String apiKeyEnv,
    String apiKeyFile,
    double temperature,
    int maxOutputTokens,
    Duration requestTimeout,
    Duration roundTimeout)
    implements Serializable {

  /** The chat API spoken to the endpoint. */
  public enum Provider {
    /** {@code POST {baseUrl}/chat/completions} with a bearer API key. */
    OPENAI("https://api.openai.com/v1"),
    /** {@code POST {baseUrl}/api/chat}, no key. */
    OLLAMA("http://localhost:11434");

    private final String defaultBaseUrl;

    Provider(String defaultBaseUrl) {
      this.defaultBaseUrl = defaultBaseUrl;
    }

    /** Where the provider's own service, or its usual local server, listens. */
    public String defaultBaseUrl() {
      return defaultBaseUrl;
    }
  }

  public EndpointSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(roundTimeout, "roundTimeout");
    if (isBlank(baseUrl) || isBlank(model)) {
      throw new IllegalArgumentException("baseUrl and model must not be blank");
    }
    if (provider == Provider.OPENAI && isBlank(apiKeyEnv) && isBlank(apiKeyFile)) {
      throw new IllegalArgumentException("an OpenAI-compatible provider needs apiKeyEnv or apiKeyFile");
    }
    if (temperature < 0 || maxOutputTokens <= 0) {
      throw new IllegalArgumentException("temperature must be >= 0 and maxOutputTokens > 0");
    }
    if (notPositive(requestTimeout) || notPositive(roundTimeout)) {
      throw new IllegalArgumentException("the request and round timeouts must be positive, were "
          + requestTimeout.toMillis() + " ms and " + roundTimeout.toMillis() + " ms");
    }
  }

  private static boolean notPositive(Duration d) {
    return d.isNegative() || d.isZero();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}

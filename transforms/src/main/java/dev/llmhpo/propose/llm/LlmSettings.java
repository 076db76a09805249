package dev.llmhpo.propose.llm;

import dev.llmhpo.space.OutOfRange;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Serialisable settings of the LLM proposers. Holds where the API key is (an environment variable's name or a
 * file's path), never the key itself: the key is read on the worker when the chat model is built.
 *
 * @param provider which chat API to speak
 * @param baseUrl the endpoint, for example {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param model the model name the endpoint knows
 * @param apiKeyEnv name of the environment variable holding the API key (OpenAI-compatible only)
 * @param apiKeyFile path of a file holding the API key; when set it wins over {@code apiKeyEnv}
 * @param temperature sampling temperature
 * @param maxOutputTokens the cap on tokens in one answer
 * @param requestTimeout how long one request may take (connect and read)
 * @param maxRetries retries of a failed request (timeouts, 429, 5xx, refused connections) before giving up
 * @param retryBackoff wait before the first retry, doubled each retry, when the endpoint gives no Retry-After
 * @param maxRetryWait the longest wait before a retry, Retry-After included
 * @param outputFormat how the answer's JSON is requested
 * @param outOfRange what to do with numbers outside a parameter's bounds (unknown categories are always rejected)
 * @param promptTokenCap the prompt's size bound in estimated tokens (characters / 4); history is trimmed first
 * @param historyBest when the history is trimmed, how many best trials it keeps
 * @param historyRecent when the history is trimmed, how many most recent trials it keeps
 * @param fallbackProposer the proposer that fills what the chat model did not deliver, and the llm-tpe other half
 * @param llmShare the llm-tpe share of each batch asked of the chat model, in [0, 1]
 * @param cacheMode whether answers are recorded to or replayed from {@code cacheDir}
 * @param cacheDir the response cache's directory; required unless {@code cacheMode} is OFF
 */
public record LlmSettings(
    Provider provider,
    String baseUrl,
    String model,
    String apiKeyEnv,
    String apiKeyFile,
    double temperature,
    int maxOutputTokens,
    Duration requestTimeout,
    int maxRetries,
    Duration retryBackoff,
    Duration maxRetryWait,
    OutputFormat outputFormat,
    OutOfRange outOfRange,
    int promptTokenCap,
    int historyBest,
    int historyRecent,
    String fallbackProposer,
    double llmShare,
    CacheMode cacheMode,
    String cacheDir)
    implements Serializable {

  /** The chat API spoken to the endpoint. */
  public enum Provider {
    /** {@code POST {baseUrl}/chat/completions} with a bearer API key. */
    OPENAI,
    /** {@code POST {baseUrl}/api/chat}, no key. */
    OLLAMA
  }

  /** How the answer's JSON is requested from the endpoint. */
  public enum OutputFormat {
    /** A JSON schema of the answer (OpenAI structured outputs, Ollama format schemas). */
    JSON_SCHEMA,
    /** Any JSON object, for endpoints without schema support. */
    JSON_MODE
  }

  /** What the response cache does. */
  public enum CacheMode {
    OFF,
    /** Answer from the cache when it holds the question, else ask the endpoint and store the answer. */
    RECORD,
    /** Answer from the cache only; a miss goes to the fallback proposer, never to the endpoint. */
    REPLAY
  }

  public LlmSettings {
    Objects.requireNonNull(provider, "provider");
    requireText(baseUrl, "baseUrl");
    requireText(model, "model");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    Objects.requireNonNull(outputFormat, "outputFormat");
    Objects.requireNonNull(outOfRange, "outOfRange");
    requireText(fallbackProposer, "fallbackProposer");
    Objects.requireNonNull(cacheMode, "cacheMode");
    if (provider == Provider.OPENAI && isBlank(apiKeyEnv) && isBlank(apiKeyFile)) {
      throw new IllegalArgumentException("an OpenAI-compatible provider needs apiKeyEnv or apiKeyFile");
    }
    if (temperature < 0 || maxOutputTokens <= 0 || maxRetries < 0 || promptTokenCap <= 0) {
      throw new IllegalArgumentException(
          "temperature and maxRetries must be >= 0, maxOutputTokens and promptTokenCap > 0");
    }
    if (historyBest < 1 || historyRecent < 0) {
      throw new IllegalArgumentException("historyBest must be >= 1 and historyRecent >= 0");
    }
    if (!(llmShare >= 0 && llmShare <= 1)) {
      throw new IllegalArgumentException("llmShare must be in [0, 1], was " + llmShare);
    }
    if (cacheMode != CacheMode.OFF && isBlank(cacheDir)) {
      throw new IllegalArgumentException("cacheMode " + cacheMode + " needs a cacheDir");
    }
  }

  public static Builder openAi(String model) {
    return new Builder(Provider.OPENAI, "https://api.openai.com/v1", model);
  }

  public static Builder ollama(String model) {
    return new Builder(Provider.OLLAMA, "http://localhost:11434", model);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requireText(String value, String name) {
    if (isBlank(value)) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Builds {@link LlmSettings}; start from {@link #openAi} or {@link #ollama}. */
  public static final class Builder {
    private Provider provider;
    private String baseUrl;
    private String model;
    private String apiKeyEnv = "OPENAI_API_KEY";
    private String apiKeyFile;
    private double temperature = 0.7;
    private int maxOutputTokens = 2048;
    private Duration requestTimeout = Duration.ofSeconds(120);
    private int maxRetries = 3;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private OutputFormat outputFormat = OutputFormat.JSON_SCHEMA;
    private OutOfRange outOfRange = OutOfRange.CLIP;
    private int promptTokenCap = 8000;
    private int historyBest = 20;
    private int historyRecent = 10;
    private String fallbackProposer = "tpe";
    private double llmShare = 0.5;
    private CacheMode cacheMode = CacheMode.OFF;
    private String cacheDir;

    private Builder(Provider provider, String baseUrl, String model) {
      this.provider = provider;
      this.baseUrl = baseUrl;
      this.model = model;
    }

    private Builder(LlmSettings s) {
      provider = s.provider;
      baseUrl = s.baseUrl;
      model = s.model;
      apiKeyEnv = s.apiKeyEnv;
      apiKeyFile = s.apiKeyFile;
      temperature = s.temperature;
      maxOutputTokens = s.maxOutputTokens;
      requestTimeout = s.requestTimeout;
      maxRetries = s.maxRetries;
      retryBackoff = s.retryBackoff;
      maxRetryWait = s.maxRetryWait;
      outputFormat = s.outputFormat;
      outOfRange = s.outOfRange;
      promptTokenCap = s.promptTokenCap;
      historyBest = s.historyBest;
      historyRecent = s.historyRecent;
      fallbackProposer = s.fallbackProposer;
      llmShare = s.llmShare;
      cacheMode = s.cacheMode;
      cacheDir = s.cacheDir;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder apiKeyEnv(String apiKeyEnv) {
      this.apiKeyEnv = apiKeyEnv;
      return this;
    }

    public Builder apiKeyFile(String apiKeyFile) {
      this.apiKeyFile = apiKeyFile;
      return this;
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder maxOutputTokens(int maxOutputTokens) {
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder retryBackoff(Duration retryBackoff) {
      this.retryBackoff = retryBackoff;
      return this;
    }

    public Builder maxRetryWait(Duration maxRetryWait) {
      this.maxRetryWait = maxRetryWait;
      return this;
    }

    public Builder outputFormat(OutputFormat outputFormat) {
      this.outputFormat = outputFormat;
      return this;
    }

    public Builder outOfRange(OutOfRange outOfRange) {
      this.outOfRange = outOfRange;
      return this;
    }

    public Builder promptTokenCap(int promptTokenCap) {
      this.promptTokenCap = promptTokenCap;
      return this;
    }

    public Builder historyBest(int historyBest) {
      this.historyBest = historyBest;
      return this;
    }

    public Builder historyRecent(int historyRecent) {
      this.historyRecent = historyRecent;
      return this;
    }

    public Builder fallbackProposer(String fallbackProposer) {
      this.fallbackProposer = fallbackProposer;
      return this;
    }

    public Builder llmShare(double llmShare) {
      this.llmShare = llmShare;
      return this;
    }

    public Builder cacheMode(CacheMode cacheMode) {
      this.cacheMode = cacheMode;
      return this;
    }

    public Builder cacheDir(String cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    public LlmSettings build() {
      return new LlmSettings(provider, baseUrl, model, apiKeyEnv, apiKeyFile, temperature, maxOutputTokens,
          requestTimeout, maxRetries, retryBackoff, maxRetryWait, outputFormat, outOfRange, promptTokenCap,
          historyBest, historyRecent, fallbackProposer, llmShare, cacheMode, cacheDir);
    }
  }
}

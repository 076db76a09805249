package dev.llmhpo.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of the LLM proposers ({@code --proposer=llm} or {@code llm-tpe}). The API key is never an option (every
 * option shows in Flink's REST API): only the name of the environment variable or the path of a file holding it.
 */
public interface LlmOptions extends PipelineOptions {
  @Description("Chat endpoint dialect: openai (OpenAI, vLLM, llama.cpp server, LM Studio, ...) or ollama.")
  @Default.String("openai")
  String getLlmProvider();

  void setLlmProvider(String value);

  @Description("Base URL of the chat endpoint; default https://api.openai.com/v1 (openai) or http://localhost:11434 (ollama).")
  String getLlmBaseUrl();

  void setLlmBaseUrl(String value);

  @Description("Model name at the endpoint (required with --proposer=llm or llm-tpe).")
  String getLlmModel();

  void setLlmModel(String value);

  @Description("Name of the environment variable holding the API key, read on the workers (openai only).")
  @Default.String("OPENAI_API_KEY")
  String getLlmApiKeyEnv();

  void setLlmApiKeyEnv(String value);

  @Description("File holding the API key, read on the workers; wins over --llmApiKeyEnv.")
  String getLlmApiKeyFile();

  void setLlmApiKeyFile(String value);

  @Description("Sampling temperature.")
  @Default.Double(0.7)
  double getLlmTemperature();

  void setLlmTemperature(double value);

  @Description("Maximum output tokens per answer.")
  @Default.Integer(2048)
  int getLlmMaxOutputTokens();

  void setLlmMaxOutputTokens(int value);

  @Description("Seconds one request may take, connect to last byte; a request still running then is abandoned and counts as a timeout.")
  @Default.Integer(120)
  int getLlmTimeoutSeconds();

  void setLlmTimeoutSeconds(int value);

  @Description("Seconds the chat model may take over one round, retries and the repair included (default: 3 x --llmTimeoutSeconds); then TPE proposes what is still missing.")
  @Default.InstanceFactory(RoundTimeoutFactory.class)
  int getLlmRoundTimeoutSeconds();

  void setLlmRoundTimeoutSeconds(int value);

  @Description("Retries of a failed request (timeouts, 429 honouring Retry-After, 5xx, refused connections) before the round falls back to TPE.")
  @Default.Integer(3)
  int getLlmMaxRetries();

  void setLlmMaxRetries(int value);

  @Description("How JSON is requested: json_schema (structured output) or json_mode (endpoints without schema support).")
  @Default.String("json_schema")
  String getLlmOutputFormat();

  void setLlmOutputFormat(String value);

  @Description("Proposed values outside the space: clip them into the bounds, or reject the configuration.")
  @Default.String("clip")
  String getLlmOutOfRange();

  void setLlmOutOfRange(String value);

  @Description("Upper bound on the prompt's size in tokens; the history is trimmed first.")
  @Default.Integer(8000)
  int getLlmPromptTokenCap();

  void setLlmPromptTokenCap(int value);

  @Description("Control arm: the prompt's history shows the completed trials' results permuted among them (seeded by --seed and the round), everything else unchanged, to see whether the model uses the feedback; the study itself keeps the true results.")
  @Default.Boolean(false)
  boolean getLlmShuffledFeedback();

  void setLlmShuffledFeedback(boolean value);

  @Description("Share of each batch the LLM proposes with --proposer=llm-tpe; TPE proposes the rest.")
  @Default.Double(0.5)
  double getLlmShare();

  void setLlmShare(double value);

  @Description("Response cache: record (answer repeated questions from the cache, record new answers), replay (cache only, never the endpoint) or off.")
  @Default.String("record")
  String getLlmCache();

  void setLlmCache(String value);

  @Description("Folder of the response cache; default: llm-cache inside --output.")
  String getLlmCacheDir();

  void setLlmCacheDir(String value);

  /** Three times {@code --llmTimeoutSeconds}: room for a slow answer, a retry and the repair. */
  class RoundTimeoutFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return 3 * options.as(LlmOptions.class).getLlmTimeoutSeconds();
    }
  }
}

package dev.llmhpo.pipelines;

import org.apache.beam.sdk.options.Default;
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

  @Description("Seconds to wait for one answer.")
  @Default.Integer(120)
  int getLlmTimeoutSeconds();

  void setLlmTimeoutSeconds(int value);

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
}

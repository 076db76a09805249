package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** Hands {@link RetryAfterHttpClient} to LangChain4j's chat models. */
final class RetryAfterHttpClientBuilder implements HttpClientBuilder {
  private Duration connectTimeout;
  private Duration readTimeout;

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public HttpClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  @Override
  public HttpClient build() {
    return new RetryAfterHttpClient(connectTimeout, readTimeout);
  }
}

package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient.Builder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * LangChain4j's blocking HTTP client over {@code java.net.http}, like its JDK client, except that a failed answer
 * keeps its Retry-After header ({@link EndpointHttpException}); LangChain4j's own client drops all headers of
 * failed answers, and the proposer's retry loop needs that one.
 */
final class RetryAfterHttpClient implements HttpClient {
  private static final int MAX_ERROR_BODY_CHARS = 500;

  private final java.net.http.HttpClient delegate;
  private final Duration readTimeout;

  RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
    Builder builder = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    this.delegate = builder.build();
    this.readTimeout = readTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder jdkRequest = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
        .method(request.method().name(),
            request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> jdkRequest.header(name, value));
      }
    });
    if (readTimeout != null) {
      jdkRequest.timeout(readTimeout);
    }
    HttpResponse<String> response;
    try {
      response = delegate.send(jdkRequest.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the chat endpoint", e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      String body = response.body();
      String shortBody = body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) : body;
      Duration retryAfter =
          response.headers().firstValue("Retry-After").map(v -> parseRetryAfter(v, Clock.systemUTC())).orElse(null);
      throw new EndpointHttpException(status, "HTTP " + status + ": " + shortBody, retryAfter);
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  /** The proposer asks for whole answers only. */
  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming is not used by the LLM proposer");
  }

  /** A Retry-After value, delay-seconds or an HTTP date, as a wait from now; null when unreadable. */
  static Duration parseRetryAfter(String value, Clock clock) {
    String v = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(clock.instant(),
            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}

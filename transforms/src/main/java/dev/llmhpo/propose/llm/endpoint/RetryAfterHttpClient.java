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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's blocking HTTP client over {@code java.net.http}, like its JDK client, except that a failed answer
 * keeps its Retry-After header ({@link EndpointHttpException}), which LangChain4j's own client drops and the
 * proposer's retry loop needs, and that the read timeout caps the whole exchange, connect to last byte. The JDK's
 * request timeout only covers the wait for the response headers, so a server that sends them and then drips the
 * body would hold a request for as long as it drips. Here the exchange is cancelled at the deadline, or as soon as
 * the calling thread is interrupted, and cancelling it closes its connection.
 */
final class RetryAfterHttpClient implements HttpClient {
  private static final int MAX_ERROR_BODY_CHARS = 500;

  private final java.net.http.HttpClient delegate;
  private final Duration deadline;

  /** {@code readTimeout} bounds each whole exchange; null: no bound. */
  RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
    Builder builder = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    this.delegate = builder.build();
    this.deadline = readTimeout;
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
    HttpResponse<String> response = exchange(jdkRequest.build());
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

  /** The whole response, body included, by the deadline; otherwise the exchange is cancelled, which closes it. */
  private HttpResponse<String> exchange(java.net.http.HttpRequest request) {
    CompletableFuture<HttpResponse<String>> pending =
        delegate.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return deadline == null ? pending.get() : pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new TimeoutException("no whole answer within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the chat endpoint", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException timeout) {
        throw new TimeoutException(timeout);
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
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

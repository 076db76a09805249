package dev.llmhpo.propose.llm.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which endpoint failures are worth another request, and how long to wait first.
 *
 * @param maxRetries retries of a failed request (timeouts, 429, 5xx, refused connections) before giving up
 * @param backoff wait before the first retry, doubled each retry, when the endpoint gives no Retry-After
 * @param maxWait the longest wait before a retry, Retry-After included
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxWait) implements Serializable {
  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
  }

  /** {@code maxRetries} retries, the first after a second, none after more than a minute. */
  public static RetryPolicy of(int maxRetries) {
    return new RetryPolicy(maxRetries, Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  /**
   * The wait before retry number {@code retry} (1-based) after {@code failure}: the endpoint's Retry-After when it
   * sent one, else exponential backoff, capped either way; empty when retries are spent or the failure is permanent.
   */
  Optional<Duration> waitBeforeRetry(int retry, Throwable failure) {
    if (retry > maxRetries || !isTransient(failure)) {
      return Optional.empty();
    }
    Duration wait = retryAfter(failure).orElseGet(() -> backoff.multipliedBy(1L << Math.min(retry - 1, 20)));
    return Optional.of(wait.compareTo(maxWait) > 0 ? maxWait : wait);
  }

  /** Timeouts, 408, 429, 5xx and network errors may pass; other HTTP errors (401, 404, 400) and bad bodies will not. */
  static boolean isTransient(Throwable failure) {
    if (isUnreadableAnswer(failure)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        int status = http.statusCode();
        return status == 408 || status == 429 || status >= 500;
      }
      if (t instanceof dev.langchain4j.exception.TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof UncheckedIOException
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The endpoint answered, but its body is no chat response (an HTML page, junk, nothing): LangChain4j's JSON reader
   * failed on it. Jackson's exceptions are IOExceptions, and must not pass for network errors.
   */
  static boolean isUnreadableAnswer(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Duration> retryAfter(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EndpointHttpException http) {
        return http.retryAfter();
      }
    }
    return Optional.empty();
  }
}

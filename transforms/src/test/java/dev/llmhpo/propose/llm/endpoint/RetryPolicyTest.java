package dev.llmhpo.propose.llm.endpoint;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.Test;

public class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));

  private static RuntimeException status(int code, Duration retryAfter) {
    return new RateLimitException(new EndpointHttpException(code, "HTTP " + code, retryAfter));
  }

  /** What LangChain4j throws when a 200 answer's body is not JSON: a JsonParseException, which is an IOException. */
  private static RuntimeException unreadable() {
    return new RuntimeException(new JsonParseException(null, "Unexpected character ('<' (code 60))"));
  }

  @Test
  public void backsOffExponentiallyWithoutRetryAfter() {
    RuntimeException e = new InternalServerException(new EndpointHttpException(503, "busy", null));

    assertEquals(Optional.of(Duration.ofMillis(100)), policy.waitBeforeRetry(1, e));
    assertEquals(Optional.of(Duration.ofMillis(200)), policy.waitBeforeRetry(2, e));
    assertEquals(Optional.of(Duration.ofMillis(400)), policy.waitBeforeRetry(3, e));
    assertEquals("retries spent", Optional.empty(), policy.waitBeforeRetry(4, e));
  }

  @Test
  public void honoursRetryAfterUpToTheCap() {
    assertEquals(Optional.of(Duration.ofSeconds(2)), policy.waitBeforeRetry(1, status(429, Duration.ofSeconds(2))));
    assertEquals(Optional.of(Duration.ofSeconds(5)), policy.waitBeforeRetry(1, status(429, Duration.ofHours(1))));
  }

  @Test
  public void retriesOnlyTransientFailures() {
    assertTrue(RetryPolicy.isTransient(status(429, null)));
    assertTrue(RetryPolicy.isTransient(status(408, null)));
    assertTrue(RetryPolicy.isTransient(status(502, null)));
    assertTrue(RetryPolicy.isTransient(new UncheckedIOException(new ConnectException("refused"))));
    assertTrue(RetryPolicy.isTransient(new dev.langchain4j.exception.TimeoutException("slow")));
    assertFalse(RetryPolicy.isTransient(status(401, null)));
    assertFalse(RetryPolicy.isTransient(status(400, null)));
    assertFalse(RetryPolicy.isTransient(new IllegalArgumentException("bad body")));
    assertFalse("a 200 answer LangChain4j could not read is no network failure",
        RetryPolicy.isTransient(unreadable()));
  }

  @Test
  public void tellsUnreadableAnswersFromNetworkFailures() {
    assertTrue(RetryPolicy.isUnreadableAnswer(unreadable()));
    assertFalse(RetryPolicy.isUnreadableAnswer(new UncheckedIOException(new ConnectException("refused"))));
    assertFalse(RetryPolicy.isUnreadableAnswer(status(502, null)));
  }

  @Test
  public void parsesRetryAfterSecondsAndDates() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    assertEquals(Duration.ofSeconds(7), RetryAfterHttpClient.parseRetryAfter(" 7 ", clock));
    assertEquals(Duration.ofSeconds(90),
        RetryAfterHttpClient.parseRetryAfter("Wed, 01 Jan 2025 00:01:30 GMT", clock));
    assertEquals(Duration.ZERO, RetryAfterHttpClient.parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", clock));
    assertNull(RetryAfterHttpClient.parseRetryAfter("soon", clock));
  }
}

package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A non-2xx answer from the chat endpoint, with the wait its Retry-After header asked for, if any. */
final class EndpointHttpException extends HttpException {
  private final Duration retryAfter;

  EndpointHttpException(int statusCode, String message, Duration retryAfter) {
    super(statusCode, message);
    this.retryAfter = retryAfter;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

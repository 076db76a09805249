package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One chat request on a thread of its own, so the caller stops waiting when the round's time runs out, even in the
 * middle of a request. A request still running then is interrupted, and {@link RetryAfterHttpClient} cancels its
 * exchange, which closes the connection: no thread stays behind waiting on the endpoint.
 */
final class BoundedChat {
  private BoundedChat() {}

  /** The response, or empty when {@code limit} passed first; the request's own failures are rethrown as they are. */
  static Optional<ChatResponse> chat(ChatModel model, ChatRequest request, Duration limit)
      throws InterruptedException {
    FutureTask<ChatResponse> task = new FutureTask<>(() -> model.chat(request));
    Thread thread = new Thread(task, "chat-request");
    thread.setDaemon(true);
    thread.start();
    try {
      return Optional.of(task.get(limit.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause(); // ChatModel.chat throws no checked exceptions
    } finally {
      task.cancel(true);
    }
  }
}

package dev.llmhpo.propose.llm.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.cache.ResponseCache;
import dev.llmhpo.propose.llm.text.CleanText;
import dev.llmhpo.propose.llm.text.SecretRedactor;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat endpoint as the proposer sees it: one question in, the answer text out, through the response cache and
 * a retry loop bounded in count and by the round's deadline, which also cuts short the request running when it
 * passes. A 200 answer that is no chat response (an HTML page, junk) is not retried: it counts as an empty answer,
 * which the proposer repairs. Failures come out as a redacted {@link ChatUnavailableException}, never as the
 * client's own exceptions, whose messages may carry response bodies.
 */
public final class ChatEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);

  private final ChatModel model;
  private final EndpointSettings settings;
  private final ResponseCache cache;
  private final RetryPolicy retryPolicy;
  private final SecretRedactor redactor;

  /** {@code model} is null when the cache replays: then no request may reach the endpoint. */
  public ChatEndpoint(
      ChatModel model, EndpointSettings settings, RetryPolicy retryPolicy, ResponseCache cache,
      SecretRedactor redactor) {
    if (model == null && cache.mode() != CacheMode.REPLAY) {
      throw new IllegalArgumentException("a chat model is needed unless the cache replays");
    }
    this.model = model;
    this.settings = settings;
    this.cache = cache;
    this.retryPolicy = retryPolicy;
    this.redactor = redactor;
  }

  /**
   * The answer's text (empty when the endpoint sent none), asked by {@code round}'s deadline; requests, tokens and
   * cache hits go to {@code usage}.
   */
  public String ask(List<ChatTurn> turns, ResponseFormat format, long seed, RoundDeadline round, ChatUsage usage)
      throws ChatUnavailableException {
    ObjectNode description = describe(turns, format, seed);
    String key = ResponseCache.key(description);
    if (cache.mode() == CacheMode.REPLAY) {
      return replay(key, usage);
    }
    if (cache.mode() == CacheMode.RECORD) {
      // Read-through: a restarted job or a rerun asks the same question and gets the same answer, so its trials
      // come out identical and replace rather than duplicate the ones already logged.
      Optional<String> recorded = lookupQuietly(key);
      if (recorded.isPresent()) {
        usage.cacheHit();
        return recorded.get();
      }
    }
    Optional<String> read = call(turns, format, round, usage);
    if (read.isEmpty()) {
      return "";
    }
    String answer = read.get();
    if (cache.mode() == CacheMode.RECORD) {
      try {
        cache.store(key, description, answer);
      } catch (UncheckedIOException e) {
        LOG.warn("could not record the answer: {}", summary(e));
      }
    }
    return answer;
  }

  private Optional<String> lookupQuietly(String key) {
    try {
      return cache.lookup(key);
    } catch (UncheckedIOException e) {
      LOG.warn("could not read the recorded answer: {}", summary(e));
      return Optional.empty();
    }
  }

  private String replay(String key, ChatUsage usage) throws ChatUnavailableException {
    Optional<String> cached;
    try {
      cached = cache.lookup(key);
    } catch (UncheckedIOException e) {
      throw new ChatUnavailableException(summary(e));
    }
    if (cached.isEmpty()) {
      throw new ChatUnavailableException("replay mode and no cached answer " + key);
    }
    usage.cacheHit();
    return cached.get();
  }

  /**
   * The answer's text; empty when the endpoint answered with no readable chat response, which is not cached.
   * Requests are retried as {@link RetryPolicy} says while the round has time; the one running when it runs out is
   * abandoned.
   */
  private Optional<String> call(List<ChatTurn> turns, ResponseFormat format, RoundDeadline round, ChatUsage usage)
      throws ChatUnavailableException {
    ChatRequest request = ChatRequest.builder()
        .messages(turns.stream().map(ChatTurn::toMessage).toList())
        .responseFormat(format)
        .build();
    for (int retry = 1; ; retry++) {
      if (round.left().isZero()) {
        throw new ChatUnavailableException(round + " ran out before request " + retry);
      }
      usage.request();
      try {
        Optional<ChatResponse> response = BoundedChat.chat(model, request, round.left());
        if (response.isEmpty()) {
          throw new ChatUnavailableException(round + " ran out during request " + retry);
        }
        usage.tokens(response.get().tokenUsage());
        AiMessage message = response.get().aiMessage();
        String text = message == null ? null : message.text();
        // The answer is stored, logged and sent back in repairs: it must not carry the key either.
        return Optional.of(text == null ? "" : redactor.redact(text));
      } catch (RuntimeException e) {
        String reason = summary(e);
        if (RetryPolicy.isUnreadableAnswer(e)) {
          LOG.warn("the chat endpoint answered, but with no readable chat response ({}); not retried, taken as an"
              + " empty answer", reason);
          return Optional.empty();
        }
        Optional<Duration> wait = retryPolicy.waitBeforeRetry(retry, e);
        if (wait.isEmpty()) {
          throw new ChatUnavailableException("chat endpoint failed after " + retry + " request(s): " + reason);
        }
        if (wait.get().compareTo(round.left()) >= 0) {
          throw new ChatUnavailableException("chat endpoint failed after " + retry + " request(s), and " + round
              + " runs out before the next: " + reason);
        }
        LOG.warn("chat endpoint failed ({}); retry {} of {} in {} ms",
            reason, retry, retryPolicy.maxRetries(), wait.get().toMillis());
        sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatUnavailableException("interrupted while waiting for the chat endpoint");
      }
    }
  }

  /** What the cache key covers: everything that shapes the answer, nothing that identifies the caller. */
  private ObjectNode describe(List<ChatTurn> turns, ResponseFormat format, long seed) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("provider", settings.provider().name());
    d.put("model", settings.model());
    d.put("temperature", settings.temperature());
    d.put("maxOutputTokens", settings.maxOutputTokens());
    d.put("responseFormat", String.valueOf(format));
    d.put("seed", seed);
    ArrayNode messages = d.putArray("messages");
    for (ChatTurn turn : turns) {
      messages.addObject().put("role", turn.role().name()).put("text", turn.text());
    }
    return d;
  }

  /** The exception chain in one line; messages are redacted before they are cut, so no part of a key survives. */
  private String summary(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (s.length() > 0) {
        s.append(" <- ");
      }
      s.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        s.append(": ").append(CleanText.clean(redactor.redact(t.getMessage()), 300));
      }
    }
    return s.toString();
  }

  private static void sleep(Duration wait) throws ChatUnavailableException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatUnavailableException("interrupted while waiting to retry");
    }
  }
}

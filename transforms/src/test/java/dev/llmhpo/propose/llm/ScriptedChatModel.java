package dev.llmhpo.propose.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmhpo.propose.llm.endpoint.ChatModelSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A chat model that answers each request with the next scripted answer and records every request; once the script
 * runs out it fails, as an endpoint that went away would. Requests arrive on the proposer's request threads.
 */
final class ScriptedChatModel implements ChatModel {
  static final int PROMPT_TOKENS = 100;
  static final int COMPLETION_TOKENS = 20;

  private record Step(String text, Duration delay) {}

  private final Deque<Step> script = new ArrayDeque<>();
  private final List<ChatRequest> requests = new ArrayList<>();
  private final CountDownLatch interrupted = new CountDownLatch(1);

  /** The next answer's text. */
  synchronized ScriptedChatModel answer(String text) {
    return slowAnswer(Duration.ZERO, text);
  }

  /** The next answer's text, after {@code delay} unless the request is interrupted first. */
  synchronized ScriptedChatModel slowAnswer(Duration delay, String text) {
    script.add(new Step(text, delay));
    return this;
  }

  /** Hands this model to the proposer being built. */
  ChatModelSource source() {
    return (endpoint, apiKey) -> this;
  }

  synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  /** The messages of request {@code i}. */
  List<ChatMessage> messages(int i) {
    return requests().get(i).messages();
  }

  /** The text of the last request's last message: the repair request when there was one. */
  String lastUserTurn() {
    List<ChatMessage> messages = messages(requests().size() - 1);
    return ((UserMessage) messages.get(messages.size() - 1)).singleText();
  }

  /** Whether a slow answer was interrupted, within {@code wait}. */
  boolean awaitInterrupted(Duration wait) {
    try {
      return interrupted.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    Step step;
    synchronized (this) {
      requests.add(request);
      if (script.isEmpty()) {
        throw new IllegalStateException("the script ran out");
      }
      step = script.poll();
    }
    try {
      Thread.sleep(step.delay().toMillis());
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw new IllegalStateException("interrupted", e);
    }
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(step.text()))
        .tokenUsage(new TokenUsage(PROMPT_TOKENS, COMPLETION_TOKENS))
        .build();
  }
}

package dev.llmhpo.propose.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmhpo.propose.llm.endpoint.ChatModelSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A chat model that answers each request with the next scripted answer and records every request; once the script
 * runs out it fails, as an endpoint that went away would.
 */
final class ScriptedChatModel implements ChatModel {
  static final int PROMPT_TOKENS = 100;
  static final int COMPLETION_TOKENS = 20;

  private final Deque<String> script = new ArrayDeque<>();
  private final List<ChatRequest> requests = new ArrayList<>();

  /** The next answer's text. */
  ScriptedChatModel answer(String text) {
    script.add(text);
    return this;
  }

  /** Hands this model to the proposer being built. */
  ChatModelSource source() {
    return (endpoint, apiKey) -> this;
  }

  List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  /** The messages of request {@code i}. */
  List<ChatMessage> messages(int i) {
    return requests.get(i).messages();
  }

  /** The text of the last request's last message: the repair request when there was one. */
  String lastUserTurn() {
    List<ChatMessage> messages = messages(requests.size() - 1);
    return ((UserMessage) messages.get(messages.size() - 1)).singleText();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    if (script.isEmpty()) {
      throw new IllegalStateException("the script ran out");
    }
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(script.poll()))
        .tokenUsage(new TokenUsage(PROMPT_TOKENS, COMPLETION_TOKENS))
        .build();
  }
}

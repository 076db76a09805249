package dev.llmhpo.propose.llm.endpoint;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/** One message of a conversation with the chat model: who says it and what. */
public record ChatTurn(Role role, String text) {
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public static ChatTurn system(String text) {
    return new ChatTurn(Role.SYSTEM, text);
  }

  public static ChatTurn user(String text) {
    return new ChatTurn(Role.USER, text);
  }

  public static ChatTurn assistant(String text) {
    return new ChatTurn(Role.ASSISTANT, text);
  }

  public ChatMessage toMessage() {
    return switch (role) {
      case SYSTEM -> SystemMessage.from(text);
      case USER -> UserMessage.from(text);
      case ASSISTANT -> AiMessage.from(text);
    };
  }
}

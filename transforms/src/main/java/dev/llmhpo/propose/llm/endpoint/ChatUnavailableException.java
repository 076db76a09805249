package dev.llmhpo.propose.llm.endpoint;

/** No answer this time: the endpoint kept failing, or replay mode has no cached answer. The message is redacted. */
public final class ChatUnavailableException extends Exception {
  ChatUnavailableException(String message) {
    super(message);
  }
}

package dev.llmhpo.propose.llm.guard;

import dev.llmhpo.space.OutOfRange;
import java.io.Serializable;
import java.util.Objects;

/**
 * How the answer is asked for and checked.
 *
 * @param format how the answer's JSON is requested
 * @param outOfRange what to do with numbers outside a parameter's bounds (unknown categories are always rejected)
 */
public record AnswerSettings(OutputFormat format, OutOfRange outOfRange) implements Serializable {
  /** How the answer's JSON is requested from the endpoint. */
  public enum OutputFormat {
    /** A JSON schema of the answer (OpenAI structured outputs, Ollama format schemas). */
    JSON_SCHEMA,
    /** Any JSON object, for endpoints without schema support. */
    JSON_MODE
  }

  public AnswerSettings {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(outOfRange, "outOfRange");
  }
}

package dev.llmhpo.data;

/**
 * Input data that cannot be used as given. The message names the file, and the line and column where there is
 * one, so that a user can fix the input without reading code.
 */
public class DataException extends RuntimeException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}

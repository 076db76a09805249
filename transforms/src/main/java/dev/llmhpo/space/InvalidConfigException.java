package dev.llmhpo.space;

/** A value that cannot be made into a valid value of a parameter; the message names the parameter and the value. */
public final class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String param;
  private final String problem;

  public InvalidConfigException(String param, String problem) {
    super(param + ": " + problem);
    this.param = param;
    this.problem = problem;
  }

  /** The parameter the value was for. */
  public String param() {
    return param;
  }

  /** What is wrong with the value, without the parameter name, for example {@code 13 is outside [2, 12]}. */
  public String problem() {
    return problem;
  }
}

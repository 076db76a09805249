package dev.llmhpo.bench.suite;

import java.util.List;

/**
 * One arm of a suite: a named set of {@code tune} options, applied after the suite's own.
 *
 * @param trials the arm's budget in trials; 0 for the suite's {@code --trials}
 * @param needsLlm whether the arm asks a chat endpoint, so it runs only where one is configured
 */
public record SuiteArm(String name, List<String> options, int trials, boolean needsLlm) {
  public SuiteArm {
    options = List.copyOf(options);
    for (String option : options) {
      if (!option.startsWith("--") || !option.contains("=")) {
        throw new IllegalArgumentException("arm " + name + ": '" + option + "' is not of the form --name=value");
      }
    }
  }

  /** The arm's budget in trials, {@code suiteTrials} unless it has its own. */
  public int trials(int suiteTrials) {
    return trials > 0 ? trials : suiteTrials;
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Says in one line, when a run is stopped (Ctrl-C, SIGTERM), what was kept and how to go on: the rounds already in the
 * trial log stay, and the same command continues the study from them.
 */
final class InterruptNotice implements AutoCloseable {
  private final Thread hook;

  private InterruptNotice(Path output) {
    this.hook =
        new Thread(
            () -> {
              List<TrialResult> logged = new TrialLog(output).readAll();
              int rounds = logged.stream().mapToInt(r -> r.getTrial().getRound() + 1).max().orElse(0);
              System.err.println(
                  "\nstopped: " + output + " keeps the " + rounds + " logged round(s), " + logged.size()
                      + " trial(s); the round in progress is lost. Run the same command again to continue the study.");
            },
            "llm-hpo-interrupt-notice");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Watches until {@link #close}: a run that ends by itself says nothing. */
  static InterruptNotice watch(Path output) {
    return new InterruptNotice(output);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already: the notice runs
    }
  }
}

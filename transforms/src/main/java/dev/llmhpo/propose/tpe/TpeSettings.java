package dev.llmhpo.propose.tpe;

import java.io.Serializable;

/**
 * How {@link TpeProposer} samples, as Optuna's {@code TPESampler(n_startup_trials, multivariate)}.
 *
 * @param startupTrials complete trials sampled at random before the Parzen estimators take over
 * @param multivariate whether whole configurations are drawn from one joint estimator rather than each parameter
 *     from its own
 */
public record TpeSettings(int startupTrials, boolean multivariate) implements Serializable {
  /** Optuna's ten start-up trials; multivariate, which found better configurations sooner in our efficiency bench. */
  public static final TpeSettings DEFAULTS = new TpeSettings(10, true);

  public TpeSettings {
    if (startupTrials < 0) {
      throw new IllegalArgumentException("TPE start-up trials must be 0 or more, not " + startupTrials);
    }
  }
}

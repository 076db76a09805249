package dev.llmhpo.train;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.evaluate.Metric;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A study's final model: a configuration retrained on the whole training file for its best trial's iteration
 * count, with every core, and its scores on the test file.
 */
public final class FinalModel {
  private FinalModel() {}

  /** Boosting rounds the final model of {@code trial} trains for. */
  public static int rounds(TrialResult trial) {
    return trial.getBestIteration() + 1;
  }

  /** Retrains {@code trial}'s configuration on {@code data.fullTrain()}; the caller disposes the booster. */
  public static Booster train(FinalFit fit, PreparedData data, TrialResult trial) throws XGBoostError {
    Map<String, Object> params = SearchSpace.of(fit.space()).toXgboostParams(trial.getTrial().getParams());
    return train(data, params, rounds(trial), fit.metric(), fit.device(), fit.seed());
  }

  /** Trains XGBoost parameters on {@code data.fullTrain()} for {@code rounds}; the caller disposes the booster. */
  public static Booster train(
      PreparedData data, Map<String, Object> xgbParams, int rounds, Metric metric, String device, long seed)
      throws XGBoostError {
    TrainBudget budget =
        new TrainBudget(rounds, 0, metric, Runtime.getRuntime().availableProcessors(), device, seed);
    return XgbTrainer.fit(LearningTask.of(data.encoding()), data.fullTrain(), xgbParams, rounds, budget);
  }

  /** Every metric of the task for {@code booster}'s first {@code rounds} rounds on the test file; null without one. */
  public static Map<String, Double> testMetrics(Booster booster, PreparedData data, int rounds) throws XGBoostError {
    if (data.test() == null) {
      return null;
    }
    float[][] predictions = XgbTrainer.predict(booster, data.test(), rounds);
    return Metrics.all(LearningTask.of(data.encoding()).type(), data.test().labels(), predictions);
  }

  /** Retrains {@code trial} and scores it on the test file in one step; null without a test file. */
  public static Map<String, Double> testMetrics(FinalFit fit, PreparedData data, TrialResult trial)
      throws XGBoostError {
    Booster booster = train(fit, data, trial);
    try {
      return testMetrics(booster, data, rounds(trial));
    } finally {
      booster.dispose();
    }
  }
}

package dev.llmhpo.train;

import dev.llmhpo.data.EncodedMatrix;
import dev.llmhpo.evaluate.Metrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains XGBoost boosters (hist) on one training and one validation matrix, built once and reused by every trial.
 *
 * <p>Not thread-safe: XGBoost's maintainers say concurrent training on one shared DMatrix is unsafe, so each
 * worker thread owns its own trainer. Close it to free the native matrices; finalizers cannot be relied on.
 */
public final class XgbTrainer implements AutoCloseable {
  private final LearningTask task;
  private final DMatrix train;
  private final DMatrix validation;
  private final float[] validationLabels;

  public XgbTrainer(LearningTask task, EncodedMatrix train, EncodedMatrix validation) {
    this.task = task;
    this.train = toDMatrix(train);
    try {
      this.validation = toDMatrix(validation);
    } catch (RuntimeException e) {
      this.train.dispose();
      throw e;
    }
    this.validationLabels = validation.labels();
  }

  /**
   * Trains with early stopping on the validation set and scores the booster at its best iteration; with early
   * stopping off ({@code earlyStoppingRounds} 0) every round is trained and the last one counts.
   */
  public TrainOutcome train(Map<String, Object> xgbParams, TrainBudget budget) throws XGBoostError {
    long start = System.nanoTime();
    Map<String, Object> params = params(task, xgbParams, budget);
    params.put("eval_metric", budget.metric().xgboostEvalMetric());
    // Early stopping watches the LAST entry of the watches map, so validation goes last.
    Map<String, DMatrix> watches = new LinkedHashMap<>();
    watches.put("train", train);
    watches.put("validation", validation);
    float[][] evalHistory = new float[watches.size()][budget.maxRounds()];
    Booster booster =
        XGBoost.train(train, params, budget.maxRounds(), watches, evalHistory, null, null, budget.earlyStoppingRounds());
    try {
      int bestIteration =
          budget.earlyStoppingRounds() > 0 ? bestIteration(booster) : booster.getNumBoostedRound() - 1;
      float[][] predictions = booster.predict(validation, false, bestIteration + 1);
      Map<String, Double> metrics = Metrics.all(task.type(), validationLabels, predictions);
      return new TrainOutcome(bestIteration, metrics, (System.nanoTime() - start) / 1e9);
    } finally {
      booster.dispose();
    }
  }

  /** Trains a booster for exactly {@code rounds} rounds on {@code data}; the caller disposes it. */
  public static Booster fit(
      LearningTask task, EncodedMatrix data, Map<String, Object> xgbParams, int rounds, TrainBudget budget)
      throws XGBoostError {
    DMatrix matrix = toDMatrix(data);
    try {
      return XGBoost.train(matrix, params(task, xgbParams, budget), rounds, Map.of(), null, null, null, 0);
    } finally {
      matrix.dispose();
    }
  }

  /**
   * Predictions of the first {@code iterations} boosting rounds, one row per data row: the positive-class
   * probability, the class probabilities or the predicted value, as {@link LearningTask} describes.
   */
  public static float[][] predict(Booster booster, EncodedMatrix data, int iterations) throws XGBoostError {
    DMatrix matrix = toDMatrix(data);
    try {
      return booster.predict(matrix, false, iterations);
    } finally {
      matrix.dispose();
    }
  }

  /** XGBoost4J records the best-scoring round even without early stopping, so this is asked only with it. */
  private static int bestIteration(Booster booster) throws XGBoostError {
    String best = booster.getAttr("best_iteration");
    return best != null ? Integer.parseInt(best) : booster.getNumBoostedRound() - 1;
  }

  private static Map<String, Object> params(LearningTask task, Map<String, Object> xgbParams, TrainBudget budget) {
    Map<String, Object> params = new HashMap<>(xgbParams);
    params.putAll(task.objectiveParams());
    params.put("tree_method", "hist");
    params.put("device", budget.device());
    params.put("nthread", budget.threads());
    params.put("seed", budget.seed());
    params.put("verbosity", 0);
    params.put("verbose_eval", "false"); // XGBoost4J compares it with the string "false"
    return params;
  }

  static DMatrix toDMatrix(EncodedMatrix m) {
    try {
      DMatrix matrix = new DMatrix(m.values(), m.rows(), m.cols(), Float.NaN);
      try {
        matrix.setLabel(m.labels());
        matrix.setFeatureNames(XgbFeatureNames.encode(m.featureNames()));
        matrix.setFeatureTypes(m.featureTypes());
      } catch (XGBoostError | RuntimeException e) {
        matrix.dispose();
        throw e;
      }
      return matrix;
    } catch (XGBoostError e) {
      throw new IllegalStateException("could not build an XGBoost matrix: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    train.dispose();
    validation.dispose();
  }
}

package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.llmhpo.data.EncodedMatrix;
import dev.llmhpo.evaluate.Metric;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.Test;

/** Each task trains with its own objective and is scored with its own metrics. */
public class XgbTrainerTest {
  private static final Map<String, Object> PARAMS = Map.of("eta", 0.3, "max_depth", 3);

  @Test
  public void multiclassTrainsSoftprobAndScoresEveryMulticlassMetric() throws Exception {
    // three classes by the sum of the features, with noise
    DoubleUnaryOperator label = s -> s < -0.7 ? 0 : s < 0.7 ? 1 : 2;
    LearningTask task = new LearningTask(TaskType.MULTICLASS, 3);

    TrainOutcome outcome = train(task, label, "macro_f1");

    assertThat(List.copyOf(outcome.validation().keySet()), equalTo(Metrics.names(TaskType.MULTICLASS)));
    assertThat(outcome.validation().get("accuracy"), greaterThan(0.7));
    assertThat(outcome.validation().get("macro_f1"), greaterThan(0.6));
  }

  @Test
  public void regressionTrainsSquaredErrorAndScoresEveryRegressionMetric() throws Exception {
    LearningTask task = new LearningTask(TaskType.REGRESSION, 0);

    TrainOutcome outcome = train(task, s -> 50 + 10 * s, "r2");

    assertThat(List.copyOf(outcome.validation().keySet()), equalTo(Metrics.names(TaskType.REGRESSION)));
    assertThat(outcome.validation().get("r2"), greaterThan(0.8));
  }

  @Test
  public void finalMulticlassModelPredictsOneProbabilityPerClass() throws Exception {
    EncodedMatrix data = matrix(new Random(5), 300, s -> s < 0 ? 0 : s < 1 ? 1 : 3);
    LearningTask task = new LearningTask(TaskType.MULTICLASS, 4);

    Booster booster = XgbTrainer.fit(task, data, PARAMS, 10, MLOGLOSS_BUDGET);
    try {
      float[][] predictions = XgbTrainer.predict(booster, data, 10);

      assertThat(predictions.length, is(300));
      assertThat(predictions[0].length, is(4));
      double sum = 0;
      for (float p : predictions[0]) {
        sum += p;
      }
      assertThat(sum, closeTo(1, 1e-5));
    } finally {
      booster.dispose();
    }
  }

  @Test
  public void multiclassPredictionsCountBoostingRoundsNotTrees() throws Exception {
    // A round of a k-class model grows k trees; scoring "the first 5 rounds" must mean 15 trees, as a model
    // trained for exactly 5 rounds has.
    EncodedMatrix data = matrix(new Random(6), 300, s -> s < 0 ? 0 : s < 1 ? 1 : 2);
    LearningTask task = new LearningTask(TaskType.MULTICLASS, 3);
    Booster twenty = XgbTrainer.fit(task, data, PARAMS, 20, MLOGLOSS_BUDGET);
    Booster five = XgbTrainer.fit(task, data, PARAMS, 5, MLOGLOSS_BUDGET);
    try {
      assertThat(XgbTrainer.predict(twenty, data, 5), equalTo(XgbTrainer.predict(five, data, 5)));
    } finally {
      twenty.dispose();
      five.dispose();
    }
  }

  @Test
  public void xgboostSeesSafeFeatureNames() throws Exception {
    EncodedMatrix data = matrix(new Random(7), 100, s -> s > 0 ? 1 : 0, "char_freq_[", "char_freq_(");
    LearningTask task = new LearningTask(TaskType.BINARY, 2);

    DMatrix matrix = XgbTrainer.toDMatrix(data);
    Booster booster = XgbTrainer.fit(task, data, PARAMS, 2, budget(Metrics.byName(TaskType.BINARY, "logloss")));
    try {
      assertThat(matrix.getFeatureNames(), arrayContaining("char_freq_%5B", "char_freq_("));
      assertThat(booster.getFeatureNames(), arrayContaining("char_freq_%5B", "char_freq_("));
    } finally {
      matrix.dispose();
      booster.dispose();
    }
  }

  private static final TrainBudget MLOGLOSS_BUDGET = budget(Metrics.byName(TaskType.MULTICLASS, "mlogloss"));

  private static TrainBudget budget(Metric metric) {
    return new TrainBudget(60, 10, metric, 1, "cpu", 42);
  }

  private static TrainOutcome train(LearningTask task, DoubleUnaryOperator label, String metric) throws Exception {
    Random random = new Random(4);
    try (XgbTrainer trainer = new XgbTrainer(task, matrix(random, 600, label), matrix(random, 200, label))) {
      TrainOutcome outcome = trainer.train(PARAMS, budget(Metrics.byName(task.type(), metric)));
      assertThat(outcome.bestIteration() >= 0, is(true));
      return outcome;
    }
  }


  private static EncodedMatrix matrix(Random random, int rows, DoubleUnaryOperator label) {
    return matrix(random, rows, label, "a", "b");
  }

  /** Two gaussian features; the label is {@code label} of their sum plus noise. */
  private static EncodedMatrix matrix(Random random, int rows, DoubleUnaryOperator label, String... names) {
    float[] values = new float[rows * 2];
    float[] labels = new float[rows];
    for (int i = 0; i < rows; i++) {
      values[2 * i] = (float) random.nextGaussian();
      values[2 * i + 1] = (float) random.nextGaussian();
      labels[i] = (float) label.applyAsDouble(values[2 * i] + values[2 * i + 1] + 0.2 * random.nextGaussian());
    }
    return new EncodedMatrix(values, rows, 2, labels, names, new String[] {"q", "q"});
  }
}

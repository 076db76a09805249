package dev.llmhpo.evaluate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Metrics on small vectors whose values are worked out by hand in the comments. */
public class MetricsTest {
  private static final float[] LABELS = {1, 0, 1, 0};
  private static final float[][] PREDICTIONS = column(0.9f, 0.2f, 0.4f, 0.6f);

  /** Binary predictions as XGBoost gives them: one row per label holding the positive-class probability. */
  static float[][] column(float... probabilities) {
    float[][] rows = new float[probabilities.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new float[] {probabilities[i]};
    }
    return rows;
  }

  @Test
  public void logLossIsTheMeanNegativeLogLikelihood() {
    // -(ln .9 + ln .8 + ln .4 + ln .4) / 4
    double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4;
    assertThat(new LogLoss().compute(LABELS, PREDICTIONS), closeTo(expected, 1e-6));
  }

  @Test
  public void logLossClipsCertainWrongAnswers() {
    double value = new LogLoss().compute(new float[] {1}, column(0));
    assertThat(value, closeTo(-Math.log(1e-15), 1e-9));
  }

  @Test
  public void aucCountsCorrectlyOrderedPairs() {
    // positives .9 and .4, negatives .2 and .6: pairs (.9>.2) (.9>.6) (.4>.2) ordered, (.4<.6) not: 3/4
    assertThat(new Auc().compute(LABELS, PREDICTIONS), closeTo(0.75, 1e-12));
  }

  @Test
  public void aucCountsTiedPairsAsHalf() {
    // positive .5 ties negative .5 (half), positive .5 beats negative .1, positive .7 beats both: 3.5/4
    float[] labels = {1, 0, 1, 0};
    float[][] predictions = column(0.5f, 0.5f, 0.7f, 0.1f);
    assertThat(new Auc().compute(labels, predictions), closeTo(0.875, 1e-12));
  }

  @Test
  public void aucIsUndefinedForOneClass() {
    assertThat(Double.isNaN(new Auc().compute(new float[] {1, 1}, column(0.2f, 0.3f))), is(true));
  }

  @Test
  public void accuracyAndErrorUseTheHalfThreshold() {
    // predicted classes 1,0,0,1 against 1,0,1,0: two right
    assertThat(new Accuracy().compute(LABELS, PREDICTIONS), closeTo(0.5, 1e-12));
    assertThat(new ErrorRate().compute(LABELS, PREDICTIONS), closeTo(0.5, 1e-12));
  }

  @Test
  public void metricsAreFoundByTaskAndNameWithTheirDirection() {
    assertThat(Metrics.byName(TaskType.BINARY, "AUC").higherIsBetter(), is(true));
    assertThat(Metrics.byName(TaskType.BINARY, "logloss").higherIsBetter(), is(false));
    assertThat(Metrics.byName(TaskType.BINARY, "accuracy").xgboostEvalMetric(), equalTo("error"));
    assertThat(Metrics.byName(TaskType.MULTICLASS, "accuracy").xgboostEvalMetric(), equalTo("merror"));
    assertThat(Metrics.byName(TaskType.MULTICLASS, "macro_f1").higherIsBetter(), is(true));
    assertThat(Metrics.byName(TaskType.REGRESSION, "r2").xgboostEvalMetric(), equalTo("rmse"));
    assertThat(Metrics.byName(TaskType.REGRESSION, "mae").higherIsBetter(), is(false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Metrics.byName(TaskType.REGRESSION, "auc"));
    assertThat(e.getMessage(), containsString("--metric=auc is not a metric of regression tasks"));
    assertThat(e.getMessage(), containsString("[rmse, mae, r2]"));
  }

  @Test
  public void eachTaskHasItsDefaultMetric() {
    assertThat(Metrics.defaultFor(TaskType.BINARY).name(), equalTo("logloss"));
    assertThat(Metrics.defaultFor(TaskType.MULTICLASS).name(), equalTo("mlogloss"));
    assertThat(Metrics.defaultFor(TaskType.REGRESSION).name(), equalTo("rmse"));
    assertThat(Metrics.names(TaskType.MULTICLASS), contains("mlogloss", "accuracy", "macro_f1", "merror"));
  }

  @Test
  public void everyMetricWatchesAnEvalMetricOfItsOwnTask() {
    // Early stopping needs an XGBoost metric that fits the objective's prediction shape.
    List<String> binary = List.of("logloss", "auc", "error");
    List<String> multiclass = List.of("mlogloss", "merror");
    List<String> regression = List.of("rmse", "mae");
    Metrics.forTask(TaskType.BINARY).forEach(m -> assertThat(binary.contains(m.xgboostEvalMetric()), is(true)));
    Metrics.forTask(TaskType.MULTICLASS)
        .forEach(m -> assertThat(multiclass.contains(m.xgboostEvalMetric()), is(true)));
    Metrics.forTask(TaskType.REGRESSION)
        .forEach(m -> assertThat(regression.contains(m.xgboostEvalMetric()), is(true)));
  }

  @Test
  public void allScoresEveryMetricOfTheTaskInOrder() {
    Map<String, Double> all = Metrics.all(TaskType.BINARY, LABELS, PREDICTIONS);
    assertThat(all.keySet(), contains("logloss", "auc", "accuracy", "error"));
    assertThat(all.get("auc"), closeTo(0.75, 1e-12));
  }

  @Test
  public void lengthsMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> new LogLoss().compute(new float[] {1}, column(0.1f, 0.2f)));
    assertThrows(
        IllegalArgumentException.class, () -> new LogLoss().compute(new float[] {1}, new float[][] {{0.1f, 0.9f}}));
  }
}

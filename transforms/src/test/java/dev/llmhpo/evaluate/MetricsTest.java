package dev.llmhpo.evaluate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Metrics on small vectors whose values are worked out by hand in the comments. */
public class MetricsTest {
  private static final float[] LABELS = {1, 0, 1, 0};
  private static final float[] PREDICTIONS = {0.9f, 0.2f, 0.4f, 0.6f};

  @Test
  public void logLossIsTheMeanNegativeLogLikelihood() {
    // -(ln .9 + ln .8 + ln .4 + ln .4) / 4
    double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4;
    assertThat(new LogLoss().compute(LABELS, PREDICTIONS), closeTo(expected, 1e-6));
  }

  @Test
  public void logLossClipsCertainWrongAnswers() {
    double value = new LogLoss().compute(new float[] {1}, new float[] {0});
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
    float[] predictions = {0.5f, 0.5f, 0.7f, 0.1f};
    assertThat(new Auc().compute(labels, predictions), closeTo(0.875, 1e-12));
  }

  @Test
  public void aucIsUndefinedForOneClass() {
    assertThat(Double.isNaN(new Auc().compute(new float[] {1, 1}, new float[] {0.2f, 0.3f})), is(true));
  }

  @Test
  public void accuracyAndErrorUseTheHalfThreshold() {
    // predicted classes 1,0,0,1 against 1,0,1,0: two right
    assertThat(new Accuracy().compute(LABELS, PREDICTIONS), closeTo(0.5, 1e-12));
    assertThat(new ErrorRate().compute(LABELS, PREDICTIONS), closeTo(0.5, 1e-12));
  }

  @Test
  public void metricsAreFoundByNameWithTheirDirection() {
    assertThat(Metrics.byName("AUC").higherIsBetter(), is(true));
    assertThat(Metrics.byName("logloss").higherIsBetter(), is(false));
    assertThat(Metrics.xgboostEvalMetric("accuracy"), equalTo("error"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.byName("f2"));
    assertThat(e.getMessage(), containsString("--metric=f2"));
  }

  @Test
  public void lengthsMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> new LogLoss().compute(new float[] {1}, new float[] {0.1f, 0.2f}));
  }
}

package dev.llmhpo.evaluate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.Test;

/** Multiclass metrics on a four-row, three-class example worked out by hand in the comments. */
public class MulticlassMetricsTest {
  private static final float[] LABELS = {0, 1, 2, 2};
  private static final float[][] PROBABILITIES = {
    {0.7f, 0.2f, 0.1f}, // predicts 0, right
    {0.5f, 0.4f, 0.1f}, // predicts 0, wrong
    {0.1f, 0.1f, 0.8f}, // predicts 2, right
    {0.2f, 0.5f, 0.3f}, // predicts 1, wrong
  };

  @Test
  public void mloglossIsTheMeanNegativeLogOfTheTrueClassProbability() {
    double expected = -(Math.log(0.7) + Math.log(0.4) + Math.log(0.8) + Math.log(0.3)) / 4;
    assertThat(new MultiLogLoss().compute(LABELS, PROBABILITIES), closeTo(expected, 1e-6));
  }

  @Test
  public void mloglossClipsAZeroProbability() {
    double value = new MultiLogLoss().compute(new float[] {1}, new float[][] {{1, 0}});
    assertThat(value, closeTo(-Math.log(1e-15), 1e-9));
  }

  @Test
  public void accuracyAndMerrorUseTheMostProbableClass() {
    assertThat(new MulticlassAccuracy().compute(LABELS, PROBABILITIES), closeTo(0.5, 1e-12));
    assertThat(new MultiErrorRate().compute(LABELS, PROBABILITIES), closeTo(0.5, 1e-12));
  }

  @Test
  public void tiesGoToTheLowerClass() {
    assertThat(new MultiErrorRate().compute(new float[] {0, 1}, new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}}),
        closeTo(0.5, 1e-12));
  }

  @Test
  public void macroF1AveragesEachClassF1() {
    // class 0: TP 1, FP 1 (row 1), FN 0 -> 2/3; class 1: TP 0, FP 1, FN 1 -> 0; class 2: TP 1, FP 0, FN 1 -> 2/3
    assertThat(new MacroF1().compute(LABELS, PROBABILITIES), closeTo((2.0 / 3 + 0 + 2.0 / 3) / 3, 1e-12));
  }

  @Test
  public void macroF1LeavesOutClassesNeitherLabelledNorPredicted() {
    // class 2 never occurs: F1 of class 0 (1) and class 1 (1) only, as scikit-learn averages
    float[][] probabilities = {{0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}};
    assertThat(new MacroF1().compute(new float[] {0, 1}, probabilities), closeTo(1.0, 1e-12));
  }
}

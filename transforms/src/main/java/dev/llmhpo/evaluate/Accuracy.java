package dev.llmhpo.evaluate;

/** Share of rows whose predicted class (probability above 0.5) matches the label. */
public final class Accuracy implements Metric {
  @Override
  public String name() {
    return "accuracy";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double compute(float[] labels, float[] predictions) {
    return 1 - new ErrorRate().compute(labels, predictions);
  }
}

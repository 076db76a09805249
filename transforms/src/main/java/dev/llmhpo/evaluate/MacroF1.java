package dev.llmhpo.evaluate;

/**
 * The unweighted mean over classes of each class's F1 score (2·TP / (2·TP + FP + FN)), the predicted class being
 * the most probable one. As in scikit-learn's {@code f1_score(average="macro")}, the mean runs over the classes
 * that occur among the labels or the predictions.
 *
 * <p>XGBoost has no F1; early stopping watches {@code mlogloss}, which weighs every row's probability of its own
 * class, rather than {@code merror}, which on imbalanced data rewards predicting the large classes: the very
 * thing a study that picks macro-F1 wants to avoid.
 */
public final class MacroF1 implements Metric {
  @Override
  public String name() {
    return "macro_f1";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String xgboostEvalMetric() {
    return "mlogloss";
  }

  @Override
  public double compute(float[] labels, float[][] predictions) {
    Predictions.checkShape(labels, predictions, 0);
    int classes = predictions[0].length;
    long[] truePositives = new long[classes];
    long[] labelled = new long[classes];
    long[] predicted = new long[classes];
    for (int i = 0; i < labels.length; i++) {
      int label = (int) labels[i];
      int guess = Predictions.argmax(predictions[i]);
      labelled[label]++;
      predicted[guess]++;
      if (guess == label) {
        truePositives[label]++;
      }
    }
    double sum = 0;
    int present = 0;
    for (int k = 0; k < classes; k++) {
      if (labelled[k] + predicted[k] > 0) {
        sum += 2.0 * truePositives[k] / (labelled[k] + predicted[k]);
        present++;
      }
    }
    return sum / present;
  }
}

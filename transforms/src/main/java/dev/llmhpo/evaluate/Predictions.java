package dev.llmhpo.evaluate;

/** Checks and reads the prediction matrices that {@link Metric}s score. */
final class Predictions {
  private Predictions() {}

  /** Requires as many non-empty prediction rows as labels, each {@code width} wide (0: any common width). */
  static void checkShape(float[] labels, float[][] predictions, int width) {
    if (labels.length != predictions.length || labels.length == 0) {
      throw new IllegalArgumentException(
          "labels (" + labels.length + ") and predictions (" + predictions.length
              + ") must be non-empty and of equal length");
    }
    int expected = width > 0 ? width : predictions[0].length;
    for (float[] row : predictions) {
      if (row.length != expected || expected == 0) {
        throw new IllegalArgumentException(
            "every prediction row must hold " + (width > 0 ? width : "the same number of") + " values, not "
                + row.length);
      }
    }
  }

  /** The class with the highest probability in a row; ties go to the lower class, as in XGBoost's merror. */
  static int argmax(float[] probabilities) {
    int best = 0;
    for (int k = 1; k < probabilities.length; k++) {
      if (probabilities[k] > probabilities[best]) {
        best = k;
      }
    }
    return best;
  }
}

package dev.llmhpo.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded train/validation holdouts with the sizes scikit-learn's {@code train_test_split} gives: the validation
 * part has {@code ceil(fraction * n)} rows. The stratified holdout gives each class the floor of its proportional
 * share of those rows and the remaining rows to the classes with the largest fractional parts (scikit-learn's
 * {@code _approximate_mode}; ties go to the lower label where scikit-learn draws at random). Which rows of a
 * class go to validation is a seeded shuffle.
 */
public final class Splits {
  private Splits() {}

  /** A holdout that keeps each label's share in both parts, for classification. */
  public static Split stratifiedHoldout(float[] labels, double fraction, long seed) {
    int validationSize = validationSize(labels.length, fraction);
    int[][] rowsByClass = rowsByClass(labels);
    int[] counts = Arrays.stream(rowsByClass).mapToInt(rows -> rows.length).toArray();
    int[] validationPerClass = proportionalAllocation(counts, validationSize);
    SplittableRandom random = new SplittableRandom(seed);
    int[] validation = new int[validationSize];
    int[] train = new int[labels.length - validationSize];
    int validationEnd = 0;
    int trainEnd = 0;
    for (int k = 0; k < rowsByClass.length; k++) {
      int[] rows = rowsByClass[k];
      shuffle(rows, random);
      System.arraycopy(rows, 0, validation, validationEnd, validationPerClass[k]);
      System.arraycopy(
          rows, validationPerClass[k], train, trainEnd, rows.length - validationPerClass[k]);
      validationEnd += validationPerClass[k];
      trainEnd += rows.length - validationPerClass[k];
    }
    Arrays.sort(train);
    Arrays.sort(validation);
    return new Split(train, validation);
  }

  /** A holdout of randomly chosen rows, for regression. */
  public static Split shuffledHoldout(int rowCount, double fraction, long seed) {
    int validationSize = validationSize(rowCount, fraction);
    int[] rows = IntStream.range(0, rowCount).toArray();
    shuffle(rows, new SplittableRandom(seed));
    int[] validation = Arrays.copyOf(rows, validationSize);
    int[] train = Arrays.copyOfRange(rows, validationSize, rowCount);
    Arrays.sort(train);
    Arrays.sort(validation);
    return new Split(train, validation);
  }

  static int validationSize(int rowCount, double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("The validation fraction must be between 0 and 1, not " + fraction);
    }
    int validationSize = (int) Math.ceil(fraction * rowCount);
    if (validationSize >= rowCount) {
      throw new DataException(
          rowCount + " rows are too few to hold out a validation fraction of " + fraction
              + " and keep rows to train on");
    }
    return validationSize;
  }

  /** Draws {@code total} rows over classes of the given sizes in proportion, as scikit-learn does. */
  static int[] proportionalAllocation(int[] counts, int total) {
    int rowCount = Arrays.stream(counts).sum();
    double[] shares = new double[counts.length];
    int[] allocation = new int[counts.length];
    int allocated = 0;
    for (int k = 0; k < counts.length; k++) {
      // Same operation order as scikit-learn (count / n * total), so that the floors agree to the last bit.
      shares[k] = (double) counts[k] / rowCount * total;
      allocation[k] = (int) Math.floor(shares[k]);
      allocated += allocation[k];
    }
    Integer[] byFraction = IntStream.range(0, counts.length).boxed().toArray(Integer[]::new);
    Arrays.sort(byFraction, Comparator.comparingDouble(k -> -(shares[k] - allocation[k])));
    for (int i = 0; i < total - allocated; i++) {
      allocation[byFraction[i]]++;
    }
    return allocation;
  }

  /** The rows of each distinct label, labels ascending, rows in order. */
  private static int[][] rowsByClass(float[] labels) {
    float[] classes = distinctLabels(labels);
    int[] classOfRow = new int[labels.length];
    int[] counts = new int[classes.length];
    for (int row = 0; row < labels.length; row++) {
      classOfRow[row] = Arrays.binarySearch(classes, labels[row]);
      counts[classOfRow[row]]++;
    }
    int[][] rowsByClass = new int[classes.length][];
    for (int k = 0; k < classes.length; k++) {
      rowsByClass[k] = new int[counts[k]];
    }
    int[] filled = new int[classes.length];
    for (int row = 0; row < labels.length; row++) {
      int k = classOfRow[row];
      rowsByClass[k][filled[k]++] = row;
    }
    return rowsByClass;
  }

  private static float[] distinctLabels(float[] labels) {
    float[] classes = labels.clone();
    Arrays.sort(classes);
    if (classes.length > 0 && Float.isNaN(classes[classes.length - 1])) {
      throw new IllegalArgumentException("Labels must not be NaN");
    }
    int distinct = 0;
    for (int i = 0; i < classes.length; i++) {
      if (i == 0 || classes[i] != classes[i - 1]) {
        classes[distinct++] = classes[i];
      }
    }
    return Arrays.copyOf(classes, distinct);
  }

  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}

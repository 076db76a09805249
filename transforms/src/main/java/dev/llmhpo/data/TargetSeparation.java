package dev.llmhpo.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Finds a feature that on its own tells the classes of the training rows apart without a single error, which a
 * feature of real data seldom does: it is more often derived from the target, or known only after it.
 *
 * <p>What "apart" means: for a categorical feature, every value (missing counted as one value) holds rows of one
 * class only, and it has at least two values but no more than half as many as there are rows, so that values
 * shared by rows carry the separation rather than values of one row each. For a numeric feature, thresholds
 * split it into ranges that each hold one class: the classes' ranges of values, from their smallest to their
 * largest, do not overlap (at least two classes having values), and the rows with the value missing are all of one
 * class; the thresholds given are the midpoints between neighbouring ranges. Only rows with a label
 * count, and only tables with at least {@value #MIN_ROWS} of them.
 */
final class TargetSeparation {
  static final int MIN_ROWS = 20;

  private TargetSeparation() {}

  static Optional<DataWarning> check(Column feature, ClassLabels labels) {
    int[] labelled =
        IntStream.range(0, feature.size()).filter(row -> labels.code(row) != ClassLabels.MISSING).toArray();
    if (labelled.length < MIN_ROWS) {
      return Optional.empty();
    }
    return feature instanceof NumericColumn numeric
        ? byThreshold(numeric, labels, labelled)
        : byCategory((CategoricalColumn) feature, labels, labelled);
  }

  private static Optional<DataWarning> byCategory(CategoricalColumn feature, ClassLabels labels, int[] labelled) {
    // index 0 is missing, category c is c + 1
    int[] classOf = new int[feature.categories().size() + 1];
    Arrays.fill(classOf, ClassLabels.MISSING);
    for (int row : labelled) {
      int value = feature.code(row) + 1;
      int label = labels.code(row);
      if (classOf[value] == ClassLabels.MISSING) {
        classOf[value] = label;
      } else if (classOf[value] != label) {
        return Optional.empty();
      }
    }
    int values = (int) Arrays.stream(classOf).filter(label -> label != ClassLabels.MISSING).count();
    return values >= 2 && values <= labelled.length / 2
        ? Optional.of(DataWarning.separatesByCategory(feature.name(), values, classOf[0] != ClassLabels.MISSING))
        : Optional.empty();
  }

  private static Optional<DataWarning> byThreshold(NumericColumn feature, ClassLabels labels, int[] labelled) {
    int classes = labels.labels().size();
    double[] min = new double[classes];
    double[] max = new double[classes];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    int missingClass = ClassLabels.MISSING;
    for (int row : labelled) {
      int label = labels.code(row);
      if (feature.isMissing(row)) {
        if (missingClass != ClassLabels.MISSING && missingClass != label) {
          return Optional.empty();
        }
        missingClass = label;
      } else {
        min[label] = Math.min(min[label], feature.value(row));
        max[label] = Math.max(max[label], feature.value(row));
      }
    }
    Integer[] present =
        IntStream.range(0, classes)
            .filter(c -> min[c] <= max[c])
            .boxed()
            .sorted(Comparator.comparingDouble(c -> min[c]))
            .toArray(Integer[]::new);
    List<Double> thresholds = new ArrayList<>();
    for (int i = 1; i < present.length; i++) {
      if (max[present[i - 1]] >= min[present[i]]) {
        return Optional.empty();
      }
      double midpoint = (max[present[i - 1]] + min[present[i]]) / 2;
      thresholds.add(new BigDecimal(midpoint).round(new MathContext(6)).doubleValue());
    }
    return thresholds.isEmpty()
        ? Optional.empty()
        : Optional.of(DataWarning.separatesByThreshold(feature.name(), thresholds));
  }
}

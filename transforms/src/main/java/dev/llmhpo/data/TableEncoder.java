package dev.llmhpo.data;

import dev.llmhpo.schema.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits an {@link Encoding} on the training table: which columns are features and how each is encoded, and which
 * class each label value stands for.
 *
 * <p>Categorical features are given to XGBoost as categories (feature type {@code c}, values 0..k-1 as floats,
 * via {@code DMatrix.setFeatureTypes} in XGBoost4J) rather than one-hot columns: the {@code hist} tree method
 * then splits a node by partitioning a feature's categories into two optimal groups, which one-hot columns can
 * only approximate one category at a time, and the matrix keeps one column per feature however many categories
 * there are. Codes follow the categories' frequency in the training data, most frequent first (ties by name),
 * so they do not depend on row order. Numeric features are type {@code q}.
 *
 * <p>Labels: BINARY needs exactly two distinct labels; the positive class (label 1) is the given one, else the
 * last in sorted order (Adult: {@code >50K}). MULTICLASS labels are 0..k-1 in sorted order. REGRESSION needs a
 * numeric target, used as it is.
 */
public final class TableEncoder {
  /** How many labels an error message lists at most. */
  private static final int LABELS_SHOWN = 10;

  private TableEncoder() {}

  public static Encoding fit(Table train, String target, TaskType task, String positiveClassOrNull) {
    Column targetColumn = train.requireColumn(target);
    List<String> classNames =
        switch (task) {
          case BINARY -> binaryClasses(train, targetColumn, positiveClassOrNull);
          case MULTICLASS -> classLabels(train, targetColumn);
          case REGRESSION -> {
            requireRegressionTarget(train, targetColumn);
            yield List.of();
          }
        };
    List<FeatureEncoding> features = new ArrayList<>();
    for (Column column : train.columns()) {
      if (!column.name().equals(target)) {
        features.add(fitFeature(column));
      }
    }
    if (features.isEmpty()) {
      throw new DataException(train.source() + " has no columns besides the target '" + target + "'");
    }
    return new Encoding(target, task, features, classNames);
  }

  private static FeatureEncoding fitFeature(Column column) {
    if (column instanceof CategoricalColumn categorical) {
      List<String> byFrequency =
          Arrays.stream(categorical.codesByFrequency()).mapToObj(categorical.categories()::get).toList();
      return new FeatureEncoding(column.name(), ColumnType.CATEGORICAL, byFrequency);
    }
    return new FeatureEncoding(column.name(), ColumnType.NUMERIC, List.of());
  }

  private static List<String> binaryClasses(Table train, Column targetColumn, String positiveClassOrNull) {
    List<String> labels = classLabels(train, targetColumn);
    if (labels.size() != 2) {
      throw new DataException(
          train.source() + " target column '" + targetColumn.name() + "' has " + labels.size()
              + " distinct labels, but a BINARY task needs exactly two: " + shown(labels));
    }
    if (positiveClassOrNull == null) {
      return labels;
    }
    String positive = ClassLabels.normalise(positiveClassOrNull);
    if (!labels.contains(positive)) {
      throw new DataException(
          "The positive class '" + positiveClassOrNull + "' is not a label of target column '"
              + targetColumn.name() + "' in " + train.source() + "; labels: " + labels);
    }
    return List.of(labels.get(labels.get(0).equals(positive) ? 1 : 0), positive);
  }

  /** The target's labels in sorted order, at least two of them. */
  private static List<String> classLabels(Table train, Column targetColumn) {
    List<String> labels = ClassLabels.of(targetColumn).labels();
    if (labels.isEmpty()) {
      throw new DataException(
          train.source() + " target column '" + targetColumn.name() + "' has no values");
    }
    if (labels.size() == 1) {
      throw new DataException(
          train.source() + " target column '" + targetColumn.name() + "' has only one class ('" + labels.get(0)
              + "'); a classification task needs at least two");
    }
    return labels;
  }

  private static void requireRegressionTarget(Table train, Column targetColumn) {
    if (targetColumn instanceof CategoricalColumn categorical) {
      throw new DataException(
          train.source() + " target column '" + targetColumn.name() + "' holds non-numbers such as '"
              + categorical.categories().get(0) + "', but a REGRESSION task needs a numeric target");
    }
    if (((NumericColumn) targetColumn).distinctValues().length < 2) {
      throw new DataException(
          train.source() + " target column '" + targetColumn.name()
              + "' has fewer than two distinct values; there is nothing to regress");
    }
  }

  private static String shown(List<String> labels) {
    return labels.size() <= LABELS_SHOWN
        ? labels.toString()
        : labels.subList(0, LABELS_SHOWN) + " and " + (labels.size() - LABELS_SHOWN) + " more";
  }
}

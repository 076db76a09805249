package dev.llmhpo.data;

import dev.llmhpo.schema.TaskType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fitted {@link TableEncoder}: turns any table with the training file's columns into an {@link EncodedMatrix}.
 * Rows whose target is missing are left out; a category the training data did not have becomes NaN (missing).
 */
public final class Encoding {
  private final String target;
  private final TaskType task;
  private final List<FeatureEncoding> features;
  private final List<String> classNames;
  private final Map<String, Integer> classIndex = new HashMap<>();

  Encoding(String target, TaskType task, List<FeatureEncoding> features, List<String> classNames) {
    this.target = target;
    this.task = task;
    this.features = List.copyOf(features);
    this.classNames = List.copyOf(classNames);
    for (int i = 0; i < classNames.size(); i++) {
      classIndex.put(classNames.get(i), i);
    }
  }

  public String target() {
    return target;
  }

  public TaskType task() {
    return task;
  }

  public List<FeatureEncoding> features() {
    return features;
  }

  /** The class each label value stands for, indexed by label; empty for REGRESSION. */
  public List<String> classNames() {
    return classNames;
  }

  /** The class labelled 1 in a BINARY task; null for other tasks. */
  public String positiveClass() {
    return task == TaskType.BINARY ? classNames.get(1) : null;
  }

  public String[] featureNames() {
    return features.stream().map(FeatureEncoding::name).toArray(String[]::new);
  }

  public String[] featureTypes() {
    return features.stream().map(FeatureEncoding::xgboostType).toArray(String[]::new);
  }

  public EncodedMatrix encode(Table table) {
    float[] rowLabels = labels(table);
    int[] kept = IntStream.range(0, rowLabels.length).filter(row -> !Float.isNaN(rowLabels[row])).toArray();
    int cols = features.size();
    float[] values = new float[kept.length * cols];
    for (int col = 0; col < cols; col++) {
      FeatureEncoding feature = features.get(col);
      Column column = table.requireColumn(feature.name());
      if (column.type() != feature.type()) {
        throw new DataException(
            table.source() + " column '" + feature.name() + "' is " + lower(column.type()) + " but was "
                + lower(feature.type()) + " in the training data");
      }
      if (column instanceof NumericColumn numeric) {
        for (int i = 0; i < kept.length; i++) {
          values[i * cols + col] = (float) numeric.value(kept[i]);
        }
      } else {
        CategoricalColumn categorical = (CategoricalColumn) column;
        float[] encodedCategory = encodedCategories(feature, categorical);
        for (int i = 0; i < kept.length; i++) {
          int category = categorical.code(kept[i]);
          values[i * cols + col] =
              category == CategoricalColumn.MISSING ? Float.NaN : encodedCategory[category];
        }
      }
    }
    float[] labels = new float[kept.length];
    for (int i = 0; i < kept.length; i++) {
      labels[i] = rowLabels[kept[i]];
    }
    return new EncodedMatrix(values, kept.length, cols, labels, featureNames(), featureTypes());
  }

  /** Each row's label, NaN where the target is missing. */
  private float[] labels(Table table) {
    Column column = table.requireColumn(target);
    float[] labels = new float[table.rowCount()];
    if (task == TaskType.REGRESSION) {
      if (!(column instanceof NumericColumn numeric)) {
        throw new DataException(table.source() + " target column '" + target + "' is not numeric");
      }
      for (int row = 0; row < labels.length; row++) {
        labels[row] = (float) numeric.value(row);
      }
      return labels;
    }
    ClassLabels rowClasses = ClassLabels.of(column);
    float[] labelOfClass = new float[rowClasses.labels().size()];
    for (int i = 0; i < labelOfClass.length; i++) {
      String name = rowClasses.labels().get(i);
      Integer index = classIndex.get(name);
      if (index == null) {
        throw new DataException(
            table.source() + " target column '" + target + "' has the label '" + name
                + "', which the training data does not have; classes: " + classNames);
      }
      labelOfClass[i] = index;
    }
    for (int row = 0; row < labels.length; row++) {
      int code = rowClasses.code(row);
      labels[row] = code == ClassLabels.MISSING ? Float.NaN : labelOfClass[code];
    }
    return labels;
  }

  /** The encoded value of each of the column's own categories: its training code, or NaN if unseen. */
  private static float[] encodedCategories(FeatureEncoding feature, CategoricalColumn column) {
    Map<String, Integer> trainingCode = new HashMap<>();
    for (int code = 0; code < feature.categories().size(); code++) {
      trainingCode.put(feature.categories().get(code), code);
    }
    float[] encoded = new float[column.categories().size()];
    for (int i = 0; i < encoded.length; i++) {
      Integer code = trainingCode.get(column.categories().get(i));
      encoded[i] = code == null ? Float.NaN : code;
    }
    return encoded;
  }

  private static String lower(ColumnType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}

package dev.llmhpo.data;

import dev.llmhpo.schema.TaskType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Describes a training table as a {@link DataCard}. */
public final class DataCards {
  /** How many of a categorical column's values the card lists. */
  static final int TOP_VALUES = 5;

  private DataCards() {}

  public static DataCard describe(Table train, Encoding encoding) {
    int rowsDropped = train.requireColumn(encoding.target()).missingCount();
    List<DataCard.ColumnSummary> columns = train.columns().stream().map(DataCards::summary).toList();
    return new DataCard(
        train.rowCount(),
        rowsDropped,
        encoding.target(),
        encoding.task(),
        encoding.positiveClass(),
        columns,
        encoding.classNames().isEmpty() ? null : classBalance(train, encoding),
        encoding.task() == TaskType.REGRESSION ? targetSummary(train, encoding) : null,
        warnings(train, encoding));
  }

  /**
   * The reader's warnings, then each feature's: an ID-like column, else (classification only) one that alone
   * separates the classes.
   */
  private static List<DataWarning> warnings(Table train, Encoding encoding) {
    List<DataWarning> warnings = new ArrayList<>(train.warnings());
    ClassLabels labels =
        encoding.task() == TaskType.REGRESSION ? null : ClassLabels.of(train.requireColumn(encoding.target()));
    for (FeatureEncoding feature : encoding.features()) {
      Column column = train.requireColumn(feature.name());
      Optional<DataWarning> warning = IdLikeColumns.check(column);
      if (warning.isEmpty() && labels != null) {
        warning = TargetSeparation.check(column, labels);
      }
      warning.ifPresent(warnings::add);
    }
    return warnings;
  }

  private static DataCard.ColumnSummary summary(Column column) {
    double missingShare = share(column.missingCount(), column.size());
    String type = column.type().name().toLowerCase(Locale.ROOT);
    if (column instanceof NumericColumn numeric) {
      double[] distinct = numeric.distinctValues();
      double sum = 0;
      for (int row = 0; row < numeric.size(); row++) {
        if (!numeric.isMissing(row)) {
          sum += numeric.value(row);
        }
      }
      int present = numeric.size() - numeric.missingCount();
      boolean empty = distinct.length == 0;
      return new DataCard.ColumnSummary(
          column.name(),
          type,
          missingShare,
          distinct.length,
          empty ? null : distinct[0],
          empty ? null : significant(sum / present),
          empty ? null : distinct[distinct.length - 1],
          null);
    }
    CategoricalColumn categorical = (CategoricalColumn) column;
    int[] counts = categorical.counts();
    List<DataCard.ValueCount> top =
        Arrays.stream(categorical.codesByFrequency())
            .limit(TOP_VALUES)
            .mapToObj(code -> new DataCard.ValueCount(
                categorical.categories().get(code), counts[code], share(counts[code], column.size())))
            .toList();
    return new DataCard.ColumnSummary(
        column.name(), type, missingShare, counts.length, null, null, null, top);
  }

  private static Map<String, DataCard.Count> classBalance(Table train, Encoding encoding) {
    ClassLabels labels = ClassLabels.of(train.requireColumn(encoding.target()));
    int[] counts = labels.counts();
    int total = IntStream.of(counts).sum();
    Map<String, DataCard.Count> balance = new LinkedHashMap<>();
    for (String className : encoding.classNames()) {
      int count = counts[labels.labels().indexOf(className)];
      balance.put(className, new DataCard.Count(count, share(count, total)));
    }
    return balance;
  }

  private static DataCard.TargetSummary targetSummary(Table train, Encoding encoding) {
    NumericColumn target = (NumericColumn) train.requireColumn(encoding.target());
    double[] values =
        IntStream.range(0, target.size())
            .filter(row -> !target.isMissing(row))
            .mapToDouble(target::value)
            .sorted()
            .toArray();
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return new DataCard.TargetSummary(
        significant(mean),
        significant(Math.sqrt(squares / values.length)),
        significant(values[0]),
        significant(quantile(values, 0.25)),
        significant(quantile(values, 0.5)),
        significant(quantile(values, 0.75)),
        significant(values[values.length - 1]));
  }

  /** The q-quantile of sorted values, interpolating linearly between ranks as numpy's default does. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  private static double share(int count, int total) {
    return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static double significant(double value) {
    return new BigDecimal(value).round(new MathContext(6)).doubleValue();
  }
}

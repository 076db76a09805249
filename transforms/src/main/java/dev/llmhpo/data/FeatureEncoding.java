package dev.llmhpo.data;

import java.util.List;

/**
 * How one feature column is encoded: numeric values as they are, categorical values as the index of their
 * category in {@code categories} (empty for a numeric feature).
 */
public record FeatureEncoding(String name, ColumnType type, List<String> categories) {
  public FeatureEncoding {
    categories = List.copyOf(categories);
  }

  /** The XGBoost feature type: {@code q} (quantitative) or {@code c} (categorical). */
  public String xgboostType() {
    return type == ColumnType.NUMERIC ? "q" : "c";
  }
}

package dev.llmhpo.data;

/** How a column's values are stored: numbers, or strings coded against a dictionary. */
public enum ColumnType {
  NUMERIC,
  CATEGORICAL
}

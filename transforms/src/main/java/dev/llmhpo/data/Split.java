package dev.llmhpo.data;

/** Row indices of a train/validation holdout, each ascending; together they hold every row once. */
public record Split(int[] train, int[] validation) {}

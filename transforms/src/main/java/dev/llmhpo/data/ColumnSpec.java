package dev.llmhpo.data;

/** A column's name and type: what a second file must match to be read like the first. */
public record ColumnSpec(String name, ColumnType type) {}

package dev.llmhpo.data;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a table can be read from, told apart by the file name's extension. */
public enum TableFormat {
  CSV,
  AVRO,
  PARQUET;

  /** PARQUET for {@code .parquet}, AVRO for {@code .avro} (any case), CSV for every other name. */
  public static TableFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    return name.endsWith(".avro") ? AVRO : CSV;
  }
}

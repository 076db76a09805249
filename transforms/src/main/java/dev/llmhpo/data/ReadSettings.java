package dev.llmhpo.data;

import dev.llmhpo.schema.DataSource;
import java.util.Set;

/**
 * How a study's files are read: the CSV dialect, and the columns read as numbers whatever they hold (a cell that
 * is no number becomes missing, and is counted in the data card's warnings).
 */
public record ReadSettings(CsvDialect csv, Set<String> numericColumns) {
  public ReadSettings {
    numericColumns = Set.copyOf(numericColumns);
  }

  public static ReadSettings of(DataSource source) {
    return new ReadSettings(CsvDialect.of(source), Set.copyOf(source.getNumericColumns()));
  }
}

package dev.llmhpo.bench.suite;

import dev.llmhpo.data.DataException;
import dev.llmhpo.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The training and test files one seed of a suite uses for a table, the same for every arm of that seed: the
 * table's own files, or a seeded split of its one file (stratified, uniform, or by time), with the suite's dropped
 * columns left out. Written once under {@code splits/}, then reused, so a resumed suite splits as before.
 */
final class TableSplit {
  /** The files one study reads. */
  record SplitFiles(Path train, Path test) {}

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  private TableSplit() {}

  static SplitFiles of(SuiteTable table, long seed, Path splitsDir) {
    if (table.split() == SuiteTable.Split.FILE && table.drop().isEmpty()) {
      return new SplitFiles(table.train(), table.test());
    }
    String part = switch (table.split()) {
      case FILE -> "file";
      case TIME -> "time"; // the same rows for every seed
      default -> "seed-" + seed;
    };
    Path dir = splitsDir.resolve(table.name()).resolve(part);
    SplitFiles files = new SplitFiles(dir.resolve("train.csv"), dir.resolve("test.csv"));
    if (!Files.exists(files.train()) || !Files.exists(files.test())) {
      write(table, seed, files);
    }
    return files;
  }

  private static void write(SuiteTable table, long seed, SplitFiles files) {
    Csv train = Csv.read(table.train());
    List<Integer> keep = train.kept(table);
    if (table.split() == SuiteTable.Split.FILE) {
      Csv test = Csv.read(table.test());
      train.write(files.train(), keep, allRows(train));
      test.write(files.test(), test.kept(table), allRows(test));
      return;
    }
    List<Integer> testRows = testRows(table, seed, train);
    boolean[] isTest = new boolean[train.rows.size()];
    testRows.forEach(row -> isTest[row] = true);
    List<Integer> trainRows = new ArrayList<>();
    for (int row = 0; row < isTest.length; row++) {
      if (!isTest[row]) {
        trainRows.add(row);
      }
    }
    train.write(files.train(), keep, trainRows);
    train.write(files.test(), keep, testRows);
  }

  /** Rows of the table's file that go to the test file, in file order. */
  static List<Integer> testRows(SuiteTable table, long seed, Csv csv) {
    int n = csv.rows.size();
    List<Integer> test = new ArrayList<>();
    switch (table.split()) {
      case TIME -> {
        for (int row = n - (int) Math.round(n * table.testFraction()); row < n; row++) {
          test.add(row);
        }
      }
      case RANDOM -> test.addAll(sample(rangeList(n), table.testFraction(), new Random(seed)));
      case STRATIFIED -> {
        int target = csv.column(table, table.target());
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int row = 0; row < n; row++) {
          byClass.computeIfAbsent(csv.rows.get(row)[target].strip(), k -> new ArrayList<>()).add(row);
        }
        Random random = new Random(seed);
        byClass.values().forEach(rows -> test.addAll(sample(rows, table.testFraction(), random)));
      }
      default -> throw new IllegalStateException("no rows to split for " + table.split());
    }
    Collections.sort(test);
    return test;
  }

  private static List<Integer> sample(List<Integer> rows, double fraction, Random random) {
    List<Integer> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, random);
    return shuffled.subList(0, (int) Math.round(rows.size() * fraction));
  }

  private static List<Integer> allRows(Csv csv) {
    return rangeList(csv.rows.size());
  }

  private static List<Integer> rangeList(int n) {
    List<Integer> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(i);
    }
    return rows;
  }

  /** A whole CSV file as text cells; the suite's tables are small enough (the generated ones are never split). */
  static final class Csv {
    final Path file;
    final char delimiter;
    final String[] header;
    final List<String[]> rows = new ArrayList<>();

    private Csv(Path file, char delimiter, String[] header) {
      this.file = file;
      this.delimiter = delimiter;
      this.header = header;
    }

    static Csv read(Path file) {
      try {
        char delimiter = delimiter(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            CSVParser parser = format.parse(reader)) {
          Csv csv = null;
          for (CSVRecord record : parser) {
            String[] cells = record.values();
            if (csv == null) {
              csv = new Csv(file, delimiter, cells);
            } else if (cells.length != csv.header.length) {
              throw new DataException(file + " line " + parser.getCurrentLineNumber() + ": " + cells.length
                  + " fields where the header has " + csv.header.length);
            } else {
              csv.rows.add(cells);
            }
          }
          if (csv == null) {
            throw new DataException(file + " is empty");
          }
          return csv;
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new DataException("could not read " + file + ": " + e.getMessage());
      }
    }

    /** Indices of the columns a study sees: all but the dropped ones, each of which must exist. */
    List<Integer> kept(SuiteTable table) {
      List<String> names = Arrays.asList(header);
      for (String dropped : table.drop()) {
        column(table, dropped);
      }
      column(table, table.target());
      List<Integer> kept = new ArrayList<>();
      for (int col = 0; col < header.length; col++) {
        if (!table.drop().contains(names.get(col))) {
          kept.add(col);
        }
      }
      return kept;
    }

    int column(SuiteTable table, String name) {
      int col = Arrays.asList(header).indexOf(name);
      if (col < 0) {
        throw new DataException("table " + table.name() + ": " + file + " has no column '" + name + "'");
      }
      return col;
    }

    void write(Path target, List<Integer> columns, List<Integer> rowIndices) {
      AtomicFiles.write(target, out -> {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
            .setRecordSeparator('\n').build());
        printer.printRecord(columns.stream().map(col -> header[col]));
        for (int row : rowIndices) {
          String[] cells = rows.get(row);
          printer.printRecord(columns.stream().map(col -> cells[col]));
        }
        printer.flush();
      });
    }

    /** The delimiter that splits the header line into the most fields. */
    private static char delimiter(Path file) throws IOException {
      String header;
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        header = reader.readLine();
      }
      char best = ',';
      long most = -1;
      for (char c : DELIMITERS) {
        long count = header == null ? 0 : header.chars().filter(ch -> ch == c).count();
        if (count > most) {
          most = count;
          best = c;
        }
      }
      return best;
    }
  }
}

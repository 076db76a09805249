package dev.llmhpo.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A column of strings, stored as one int code per row against a dictionary of the distinct values in order of
 * first appearance; {@link #MISSING} marks a missing value.
 */
public final class CategoricalColumn implements Column {
  public static final int MISSING = -1;

  private final String name;
  private final int[] codes;
  private final List<String> categories;

  CategoricalColumn(String name, int[] codes, List<String> categories) {
    this.name = name;
    this.codes = codes;
    this.categories = List.copyOf(categories);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public int size() {
    return codes.length;
  }

  @Override
  public boolean isMissing(int row) {
    return codes[row] == MISSING;
  }

  /** The dictionary index of the value in {@code row}, or {@link #MISSING}. */
  public int code(int row) {
    return codes[row];
  }

  /** The distinct values, indexed by code. */
  public List<String> categories() {
    return categories;
  }

  /** The value in {@code row}, null when missing. */
  public String value(int row) {
    return codes[row] == MISSING ? null : categories.get(codes[row]);
  }

  /** How many rows hold each category, indexed by code. */
  public int[] counts() {
    int[] counts = new int[categories.size()];
    for (int code : codes) {
      if (code != MISSING) {
        counts[code]++;
      }
    }
    return counts;
  }

  /** The category codes, most frequent first, ties in name order, so that the order does not depend on rows. */
  public int[] codesByFrequency() {
    int[] counts = counts();
    return IntStream.range(0, counts.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingInt(code -> -counts[code]).thenComparing(categories::get))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Collects values row by row, coding each against the dictionary built so far. */
  static final class Builder {
    private final Map<String, Integer> codeByValue = new HashMap<>();
    private final List<String> categories = new ArrayList<>();
    private int[] codes = new int[1024];
    private int size;

    void add(String value) {
      Integer code = codeByValue.get(value);
      if (code == null) {
        code = categories.size();
        codeByValue.put(value, code);
        categories.add(value);
      }
      addCode(code);
    }

    void addMissing() {
      addCode(MISSING);
    }

    private void addCode(int code) {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
      }
      codes[size++] = code;
    }

    CategoricalColumn build(String name) {
      return new CategoricalColumn(name, Arrays.copyOf(codes, size), categories);
    }
  }
}

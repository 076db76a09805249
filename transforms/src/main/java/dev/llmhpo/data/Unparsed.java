package dev.llmhpo.data;

/** The cells of one column that did not read as numbers: how many, and the first of them. */
final class Unparsed {
  private int count;
  private long firstLine;
  private String firstValue;

  void add(long line, String value) {
    if (count++ == 0) {
      firstLine = line;
      firstValue = value;
    }
  }

  int count() {
    return count;
  }

  long firstLine() {
    return firstLine;
  }

  String firstValue() {
    return firstValue;
  }
}

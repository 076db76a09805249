package dev.llmhpo.bench;

import dev.llmhpo.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded synthetic binary classification table, written as CSV: {@code features} numeric columns {@code x0..}
 * drawn from a standard normal, and a {@code label} (yes/no) from a non-linear signal in the first eight columns
 * (a product, a sine, a threshold, a square, an interaction with a threshold) plus logistic noise; the other
 * columns are noise the model must learn to ignore. The same rows, features and seed give the same bytes.
 */
public final class SyntheticTable {
  public static final String TARGET = "label";
  private static final int SIGNAL_COLUMNS = 8;

  private final int rows;
  private final int features;
  private final long seed;

  public SyntheticTable(int rows, int features, long seed) {
    if (rows < 1) {
      throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
    }
    if (features < SIGNAL_COLUMNS) {
      throw new IllegalArgumentException("--features must be at least " + SIGNAL_COLUMNS + ", got " + features);
    }
    this.rows = rows;
    this.features = features;
    this.seed = seed;
  }

  /** The table's file in {@code dir}, written unless already there (same name, same bytes). */
  public Path writeTo(Path dir, String part) {
    Path file = dir.resolve(String.format("synthetic-%dx%d-seed%d-%s.csv", rows, features, seed, part));
    if (!Files.exists(file)) {
      AtomicFiles.write(
          file,
          out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 20);
            write(writer);
            writer.flush();
          });
    }
    return file;
  }

  void write(Writer out) throws java.io.IOException {
    StringBuilder line = new StringBuilder(features * 9 + 8);
    for (int f = 0; f < features; f++) {
      line.append('x').append(f).append(',');
    }
    out.write(line.append(TARGET).append('\n').toString());
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[features];
    for (int r = 0; r < rows; r++) {
      line.setLength(0);
      for (int f = 0; f < features; f++) {
        x[f] = Math.round(gaussian(random) * 1e4) / 1e4; // the label sees the values the file holds
        appendFixed4(line, x[f]);
        line.append(',');
      }
      double u = random.nextDouble();
      double noise = Math.log(u / (1 - u)); // logistic
      line.append(logit(x) + noise > 0 ? "yes" : "no").append('\n');
      out.write(line.toString());
    }
  }

  static double logit(double[] x) {
    return 1.5 * x[0] * x[1]
        + 2.0 * Math.sin(2 * x[2])
        + (x[3] > 0.5 ? 1.5 : -0.5)
        + 0.7 * (x[4] * x[4] - 1)
        + (x[5] > 0 ? x[6] : -x[6])
        + 0.5 * x[7];
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** {@code value} with four decimals; much faster than String.format over millions of cells. */
  static void appendFixed4(StringBuilder out, double value) {
    long scaled = Math.round(value * 1e4);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / 10_000).append('.');
    long fraction = scaled % 10_000;
    for (long digit = 1000; digit > 0; digit /= 10) {
      out.append((char) ('0' + (fraction / digit) % 10));
    }
  }
}

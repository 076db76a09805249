package dev.llmhpo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmhpo.io.AtomicFiles;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a benchmark's JSON and PNG files, each whole or not at all. */
final class BenchFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchFiles() {}

  static void json(Path file, Object value) {
    AtomicFiles.write(file, out -> JSON.writeValue(out, value));
  }

  static void png(Path file, Chart<?, ?> chart) {
    AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
  }
}

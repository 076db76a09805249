package dev.llmhpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A chart as a PNG {@code data:} URI, so the report needs no file beside it and no network. */
public final class ChartImage {
  static {
    // Workers and CI have no display; charts are drawn off-screen.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartImage() {}

  public static String dataUri(Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "': " + e.getMessage(), e);
    }
  }
}

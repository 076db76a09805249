package dev.llmhpo.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The parameters' importance as bars, largest first. */
final class ImportanceChart {
  private ImportanceChart() {}

  static CategoryChart of(ParamImportance importance) {
    CategoryChart chart =
        ChartStyle.bars("Parameter importance (fANOVA)", "parameter", "share of explained variance", ChartStyle.WIDE, ChartStyle.TALL);
    List<String> names = new ArrayList<>(importance.shares().keySet());
    List<Double> shares = new ArrayList<>(importance.shares().values());
    CategorySeries series = chart.addSeries("importance", names, shares);
    series.setFillColor(new Color(0x4E79A7));
    return chart;
  }
}

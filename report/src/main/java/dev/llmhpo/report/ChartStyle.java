package dev.llmhpo.report;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look shared by the report's charts. */
final class ChartStyle {
  static final int WIDE = 1000;
  static final int TALL = 420;
  static final int PANEL_WIDTH = 440;
  static final int PANEL_HEIGHT = 300;

  private ChartStyle() {}

  static XYChart scatter(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart =
        new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    common(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(7);
    return chart;
  }

  static CategoryChart bars(String title, String xTitle, String yTitle, int width, int height) {
    CategoryChart chart =
        new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    common(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(30);
    return chart;
  }

  private static void common(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(0xCCCCCC));
    styler.setPlotGridLinesColor(new Color(0xE6E6E6));
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
  }
}

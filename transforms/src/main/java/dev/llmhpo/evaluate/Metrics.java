package dev.llmhpo.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of binary classification, by name. */
public final class Metrics {
  private static final List<Metric> BINARY = List.of(new LogLoss(), new Auc(), new Accuracy(), new ErrorRate());

  private Metrics() {}

  public static Metric byName(String name) {
    for (Metric m : BINARY) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--metric=" + name + " is not known; choose one of " + names());
  }

  public static List<String> names() {
    return BINARY.stream().map(Metric::name).toList();
  }

  /** Every binary metric, in a fixed order. */
  public static Map<String, Double> allBinary(float[] labels, float[] predictions) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : BINARY) {
      out.put(m.name(), m.compute(labels, predictions));
    }
    return out;
  }

  /**
   * XGBoost's own evaluation metric that early stopping watches for a study metric: accuracy ranks configs as
   * error does, so it stops on error.
   */
  public static String xgboostEvalMetric(String metric) {
    return switch (byName(metric).name()) {
      case "accuracy", "error" -> "error";
      default -> byName(metric).name();
    };
  }

  static void checkSameLength(float[] labels, float[] predictions) {
    if (labels.length != predictions.length || labels.length == 0) {
      throw new IllegalArgumentException(
          "labels (" + labels.length + ") and predictions (" + predictions.length + ") must be non-empty and of equal length");
    }
  }
}

package dev.llmhpo.evaluate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.Test;

/** The project's metrics agree with XGBoost's own evaluation output on the same predictions. */
public class XgboostAgreementTest {
  private static final int ROWS = 2000;
  private static final int COLS = 5;

  @Test
  public void logLossAucAndErrorMatchXgboostEvalSet() throws Exception {
    Random random = new Random(7);
    float[] x = features(random);
    float[] y = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-signal(x, i))) ? 1 : 0;
    }
    check(x, y, Map.of("objective", "binary:logistic"), Map.of(
        "logloss", new LogLoss(), "auc", new Auc(), "error", new ErrorRate()));
  }

  @Test
  public void mloglossAndMerrorMatchXgboostEvalSet() throws Exception {
    Random random = new Random(8);
    float[] x = features(random);
    float[] y = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      double noisy = signal(x, i) + random.nextGaussian();
      y[i] = noisy < -0.5 ? 0 : noisy < 0.5 ? 1 : 2;
    }
    check(x, y, Map.of("objective", "multi:softprob", "num_class", 3), Map.of(
        "mlogloss", new MultiLogLoss(), "merror", new MultiErrorRate()));
  }

  @Test
  public void rmseAndMaeMatchXgboostEvalSet() throws Exception {
    Random random = new Random(9);
    float[] x = features(random);
    float[] y = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      y[i] = (float) (100 + 20 * signal(x, i) + 5 * random.nextGaussian());
    }
    check(x, y, Map.of("objective", "reg:squarederror"), Map.of("rmse", new Rmse(), "mae", new Mae()));
  }

  private static float[] features(Random random) {
    float[] x = new float[ROWS * COLS];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  private static double signal(float[] x, int row) {
    double signal = 0;
    for (int j = 0; j < COLS; j++) {
      signal += (j + 1) * 0.3 * x[row * COLS + j];
    }
    return signal;
  }

  /** Trains briefly, then scores the training data with each metric and with XGBoost's metric of that name. */
  private static void check(float[] x, float[] y, Map<String, Object> objective, Map<String, Metric> metrics)
      throws Exception {
    DMatrix data = new DMatrix(x, ROWS, COLS, Float.NaN);
    data.setLabel(y);
    Map<String, Object> params = new HashMap<>(objective);
    params.put("tree_method", "hist");
    params.put("max_depth", 3);
    params.put("nthread", 1);
    params.put("verbosity", 0);
    Booster booster = XGBoost.train(data, params, 20, Map.of(), null, null);
    try {
      float[][] predictions = booster.predict(data);
      for (Map.Entry<String, Metric> metric : metrics.entrySet()) {
        double xgboost = xgboost(booster, data, metric.getKey());
        double ours = metric.getValue().compute(y, predictions);
        assertThat(metric.getKey(), ours, closeTo(xgboost, 1e-5 * Math.max(1, xgboost)));
      }
    } finally {
      booster.dispose();
      data.dispose();
    }
  }

  /** XGBoost prints "[0]\tdata-logloss:0.123"; the value follows the last colon. */
  private static double xgboost(Booster booster, DMatrix data, String metric) throws Exception {
    booster.setParam("eval_metric", metric);
    String line = booster.evalSet(new DMatrix[] {data}, new String[] {"data"}, 0);
    return Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).trim());
  }
}

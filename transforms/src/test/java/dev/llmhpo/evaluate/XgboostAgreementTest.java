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
  @Test
  public void logLossAucAndErrorMatchXgboostEvalSet() throws Exception {
    int rows = 2000, cols = 5;
    Random random = new Random(7);
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      double signal = 0;
      for (int j = 0; j < cols; j++) {
        x[i * cols + j] = (float) random.nextGaussian();
        signal += (j + 1) * 0.3 * x[i * cols + j];
      }
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-signal)) ? 1 : 0;
    }
    DMatrix data = new DMatrix(x, rows, cols, Float.NaN);
    data.setLabel(y);
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("tree_method", "hist");
    params.put("max_depth", 3);
    params.put("nthread", 1);
    params.put("verbosity", 0);
    Booster booster = XGBoost.train(data, params, 20, Map.of(), null, null);
    try {
      float[][] raw = booster.predict(data);
      float[] p = new float[rows];
      for (int i = 0; i < rows; i++) {
        p[i] = raw[i][0];
      }
      assertThat(new LogLoss().compute(y, p), closeTo(xgboost(booster, data, "logloss"), 1e-5));
      assertThat(new Auc().compute(y, p), closeTo(xgboost(booster, data, "auc"), 1e-5));
      assertThat(new ErrorRate().compute(y, p), closeTo(xgboost(booster, data, "error"), 1e-5));
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

package dev.llmhpo.space;

import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;

import dev.llmhpo.schema.SearchParam;
import java.util.List;

/**
 * The XGBoost parameters worth tuning on tabular data, with XGBoost's own defaults; a default of 0 on a log scale
 * (alpha, gamma) is clipped to the lower bound.
 */
final class XgboostDefaultSpace {
  private XgboostDefaultSpace() {}

  static List<SearchParam> params() {
    return List.of(
        floatParam("eta", 0.005, 0.3, true, 0.3),
        intParam("max_depth", 2, 12, false, 6L),
        floatParam("min_child_weight", 0.01, 100, true, 1.0),
        floatParam("subsample", 0.5, 1, false, 1.0),
        floatParam("colsample_bytree", 0.3, 1, false, 1.0),
        floatParam("lambda", 0.001, 100, true, 1.0),
        floatParam("alpha", 0.001, 100, true, 0.001),
        floatParam("gamma", 0.001, 10, true, 0.001),
        intParam("max_bin", 64, 512, false, 256L));
  }
}

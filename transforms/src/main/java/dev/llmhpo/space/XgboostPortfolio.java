package dev.llmhpo.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small portfolio of diverse XGBoost configurations, trained first by {@code --startup=portfolio} in place of
 * random start-up trials. The first is the tuned default of Probst,
 * Boulesteix and Bischl, "Tunability: Importance of Hyperparameters of Machine Learning Algorithms", JMLR 20(53),
 * 2019, Table 3 (xgboost, 38 OpenML data sets); the others are chosen here to cover shallow, medium and deep trees.
 * Their nrounds is the study's {@code --maxBoostRounds} with early stopping.
 */
public final class XgboostPortfolio {
  /** One configuration of the portfolio and where it comes from. */
  public record Config(Map<String, Object> params, String source) {}

  private static final List<Config> CONFIGS =
      List.of(
          // Probst et al. 2019, Table 3: optimal defaults (nrounds 4168; max_depth 13 clips to a space's 12).
          config("Probst et al. 2019 (JMLR 20(53), Table 3) tuned defaults",
              "eta", 0.018, "subsample", 0.839, "max_depth", 13, "min_child_weight", 2.06, "colsample_bytree", 0.752,
              "colsample_bylevel", 0.585, "lambda", 0.982, "alpha", 1.113),
          // Chosen here: shallow trees held back by a large min_child_weight and row and column subsampling.
          config("shallow and regularised (chosen here)",
              "eta", 0.05, "max_depth", 4, "min_child_weight", 5.0, "subsample", 0.8, "colsample_bytree", 0.8),
          // Chosen here: XGBoost's depth with a slower rate and the usual 0.8 / 0.7 subsampling.
          config("medium depth, slow rate (chosen here)",
              "eta", 0.03, "max_depth", 6, "subsample", 0.8, "colsample_bytree", 0.7, "lambda", 1.0, "alpha", 0.0),
          // Chosen here: FLAML's XGBoost start values (eta 0.1, alpha 1/1024, no subsampling), depth 3 for 4 leaves.
          config("small trees after FLAML's start values (chosen here)",
              "eta", 0.1, "max_depth", 3, "min_child_weight", 1.0, "subsample", 1.0, "colsample_bytree", 1.0,
              "lambda", 1.0, "alpha", 1.0 / 1024),
          // Chosen here: deep trees made safe by strong column subsampling, L2 and gamma: large data.
          config("deep, column-subsampled, regularised (chosen here)",
              "eta", 0.02, "max_depth", 10, "min_child_weight", 3.0, "subsample", 0.7, "colsample_bytree", 0.5,
              "lambda", 10.0, "gamma", 0.1));

  private XgboostPortfolio() {}

  /**
   * The portfolio as configurations of {@code space}, in order: values clipped into its bounds, parameters it lacks
   * dropped, those the portfolio leaves out (or that do not fit a parameter of another type) at the space's defaults.
   */
  public static List<Config> in(SearchSpace space) {
    return CONFIGS.stream().map(config -> new Config(fitted(config.params(), space), config.source())).toList();
  }

  private static Map<String, Object> fitted(Map<String, Object> params, SearchSpace space) {
    Map<String, Object> kept = new LinkedHashMap<>();
    params.forEach((name, value) -> {
      if (space.names().contains(name)) {
        try {
          kept.put(name, space.coerce(name, value, OutOfRange.CLIP));
        } catch (InvalidConfigException e) {
          // A space whose parameter of this name is categorical: its default stands in.
        }
      }
    });
    return space.coerce(kept, OutOfRange.CLIP);
  }

  private static Config config(String source, Object... nameValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      params.put((String) nameValues[i], nameValues[i + 1]);
    }
    return new Config(Map.copyOf(params), source);
  }
}

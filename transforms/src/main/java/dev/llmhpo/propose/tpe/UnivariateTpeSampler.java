package dev.llmhpo.propose.tpe;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.NumericScale;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Univariate TPE over a good group (below) and a bad group (above) of configurations, each oldest first: per
 * parameter, draws candidates from l(x), the Parzen estimator of the good group, and keeps the one with the largest
 * l(x)/g(x), g being the estimator of the bad group.
 */
final class UnivariateTpeSampler implements TpeSampler {
  private final SearchSpace space;
  private final List<SearchParam> params;
  private final List<Map<String, Object>> below;
  private final List<Map<String, Object>> above;

  UnivariateTpeSampler(SearchSpace space, List<Map<String, Object>> below, List<Map<String, Object>> above) {
    this.space = space;
    this.params = space.params();
    this.below = List.copyOf(below);
    this.above = new ArrayList<>(above);
  }

  @Override
  public void addPending(Map<String, Object> config) {
    above.add(config);
  }

  @Override
  public Map<String, Object> sample(RandomGenerator random) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (SearchParam param : params) {
      Object value =
          param.getType() == ParamType.CATEGORICAL
              ? sampleCategorical(param, random)
              : sampleNumeric(space.scale(param.getName()), param.getName(), random);
      config.put(param.getName(), value);
    }
    return config;
  }

  private Object sampleNumeric(NumericScale scale, String name, RandomGenerator random) {
    ParzenEstimator good = ParzenEstimator.fit(coordinates(below, name, scale), scale.low(), scale.high());
    ParzenEstimator bad = ParzenEstimator.fit(coordinates(above, name, scale), scale.low(), scale.high());
    Object best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < CANDIDATES; i++) {
      double x = good.sample(random);
      Object value = scale.fromCoordinate(x);
      double score;
      if (scale.isInteger()) {
        // An int is the whole cell of coordinates that round to it, so compare probabilities, not densities.
        double[] cell = scale.cell((Long) value);
        score = good.logProbabilityBetween(cell[0], cell[1]) - bad.logProbabilityBetween(cell[0], cell[1]);
      } else {
        score = good.logPdf(x) - bad.logPdf(x);
      }
      if (best == null || score > bestScore) {
        best = value;
        bestScore = score;
      }
    }
    return best;
  }

  private String sampleCategorical(SearchParam param, RandomGenerator random) {
    List<String> choices = param.getChoices();
    String name = param.getName();
    CategoricalParzenEstimator good =
        CategoricalParzenEstimator.fit(choiceIndices(below, name, choices), choices.size());
    CategoricalParzenEstimator bad =
        CategoricalParzenEstimator.fit(choiceIndices(above, name, choices), choices.size());
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < CANDIDATES; i++) {
      int candidate = good.sample(random);
      double score = good.logProbability(candidate) - bad.logProbability(candidate);
      if (best < 0 || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return choices.get(best);
  }

  private static double[] coordinates(List<Map<String, Object>> configs, String name, NumericScale scale) {
    return configs.stream().mapToDouble(c -> scale.toCoordinate(((Number) c.get(name)).doubleValue())).toArray();
  }

  private static int[] choiceIndices(List<Map<String, Object>> configs, String name, List<String> choices) {
    return configs.stream().mapToInt(c -> choices.indexOf(c.get(name))).toArray();
  }
}

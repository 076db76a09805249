package dev.llmhpo.propose.tpe;

import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Multivariate TPE (Optuna's {@code multivariate=True}): whole configurations drawn from the joint estimator of the
 * good group and scored by the joint l(x)/g(x), so parameters that only work together (a small eta with deep trees,
 * say) are proposed together.
 */
final class MultivariateTpeSampler implements TpeSampler {
  private final SearchSpace space;
  private final JointParzenEstimator good;
  private final List<Map<String, Object>> above;
  private JointParzenEstimator bad;

  MultivariateTpeSampler(SearchSpace space, List<Map<String, Object>> below, List<Map<String, Object>> above) {
    this.space = space;
    this.good = JointParzenEstimator.fit(space, below);
    this.above = new ArrayList<>(above);
    this.bad = JointParzenEstimator.fit(space, this.above);
  }

  @Override
  public void addPending(Map<String, Object> config) {
    above.add(config);
    bad = JointParzenEstimator.fit(space, above);
  }

  @Override
  public Map<String, Object> sample(RandomGenerator random) {
    Map<String, Object> best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < CANDIDATES; i++) {
      Map<String, Object> candidate = good.sample(random);
      double score = good.logDensity(candidate) - bad.logDensity(candidate);
      if (best == null || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}

package dev.llmhpo.propose.tpe;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * TPE's draw over a good group (below) and a bad group (above) of configurations: candidates from l(x), the Parzen
 * estimator of the good group, and the one with the largest l(x)/g(x), g being the estimator of the bad group.
 */
interface TpeSampler {
  int CANDIDATES = 24;

  /**
   * Counts a chosen configuration that has no result yet as a bad one (constant liar), so that the next draws of
   * the same batch look elsewhere.
   */
  void addPending(Map<String, Object> config);

  Map<String, Object> sample(RandomGenerator random);
}

package dev.llmhpo.propose.random;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalBatch;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.space.SearchSpace;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random search: uniform, log-uniform, uniform over the integers or over the choices, each parameter independently.
 */
public final class RandomProposer implements Proposer {
  public static final String NAME = "random";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    ProposalBatch batch = new ProposalBatch(request, NAME);
    SplittableRandom random = new SplittableRandom(request.seed());
    while (!batch.isFull()) {
      batch.addFirstNewOrFail(() -> sample(request.space(), random), "uniform random sample");
    }
    return Proposal.of(batch.configs());
  }

  /** One configuration drawn uniformly from the space (on the log scale for log parameters). */
  public static Map<String, Object> sample(SearchSpace space, RandomGenerator random) {
    double[] point = new double[space.names().size()];
    for (int i = 0; i < point.length; i++) {
      point[i] = random.nextDouble();
    }
    return space.fromUnitCube(point);
  }
}

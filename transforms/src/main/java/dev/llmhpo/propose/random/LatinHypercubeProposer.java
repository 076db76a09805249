package dev.llmhpo.propose.random;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalBatch;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.space.SearchSpace;
import java.util.SplittableRandom;

/**
 * Latin hypercube sampling, the space-filling design SMAC starts from: in every parameter the batch's n values fall
 * into n different equal-probability strata (on the log scale for log parameters), so even a small parallel batch
 * spans each parameter's range, which n independent uniform draws often do not. Strata and the positions inside them
 * come from the round's seed; a point whose configuration is already taken gives way to a uniform random one.
 */
public final class LatinHypercubeProposer implements Proposer {
  public static final String NAME = "lhs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    SearchSpace space = request.space();
    SplittableRandom random = new SplittableRandom(request.seed());
    int n = request.n();
    double[][] design = new double[n][space.names().size()];
    for (int d = 0; d < space.names().size(); d++) {
      int[] strata = permutation(n, random);
      for (int i = 0; i < n; i++) {
        design[i][d] = (strata[i] + random.nextDouble()) / n;
      }
    }
    ProposalBatch batch = new ProposalBatch(request, NAME);
    String rationale = "Latin hypercube: one of " + n + " strata of every parameter";
    for (double[] point : design) {
      batch.addFirstNew(() -> space.fromUnitCube(point), 1, rationale).orElseGet(() -> batch.addFirstNewOrFail(
          () -> RandomProposer.sample(space, random), "Latin hypercube point already taken; uniform random sample"));
    }
    return Proposal.of(batch.configs());
  }

  /** 0 .. n-1 in random order (Fisher-Yates). */
  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int j = random.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
    }
    return order;
  }
}

package dev.llmhpo.propose.tpe;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalBatch;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.InvalidConfigException;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Tree-structured Parzen Estimator after Optuna's {@code TPESampler}: random samples until {@link
 * TpeSettings#startupTrials()} trials are complete (10 by default), then the candidate among 24 draws from l(x) that
 * maximises l(x)/g(x), where l models the best gamma(n) = min(ceil(0.1 n), 25) of the n complete trials and g the
 * rest. Multivariate (the default) draws and scores whole configurations with joint kernels; univariate does so
 * per parameter. Failed trials are not observations. Within a batch every pick joins g as a pending trial (constant
 * liar), so the picks spread out; the request's pending configurations are only avoided, as Optuna does without
 * its constant liar.
 */
public final class TpeProposer implements Proposer {
  public static final String NAME = "tpe";
  private static final int MAX_GOOD_TRIALS = 25;
  /** Draws of the model before a repeated configuration is replaced by a random one. */
  private static final int MODEL_ATTEMPTS = 20;

  private final int startupTrials;
  private final boolean multivariate;

  public TpeProposer() {
    this(TpeSettings.DEFAULTS);
  }

  public TpeProposer(TpeSettings settings) {
    this.startupTrials = settings.startupTrials();
    this.multivariate = settings.multivariate();
  }

  /** A complete trial's configuration and its loss: the value, negated when the study maximises. */
  private record Observation(Map<String, Object> config, double loss) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    ProposalBatch batch = new ProposalBatch(request, NAME);
    SplittableRandom random = new SplittableRandom(request.seed());
    SearchSpace space = request.space();
    List<Observation> observations = observations(request);
    int n = observations.size();
    if (n < startupTrials) {
      String rationale =
          "TPE startup: uniform random sample while fewer than " + startupTrials + " trials are complete (" + n + ")";
      while (!batch.isFull()) {
        batch.addFirstNewOrFail(() -> RandomProposer.sample(space, random), rationale);
      }
      return Proposal.of(batch.configs());
    }
    int good = Math.min((int) Math.ceil(0.1 * n), MAX_GOOD_TRIALS);
    TpeSampler sampler = splitSampler(space, observations, good, multivariate);
    String rationale =
        (multivariate ? "multivariate" : "univariate") + " TPE: maximises l(x)/g(x) over " + TpeSampler.CANDIDATES
            + " candidates; " + good + " of " + n
            + " trials in the good group";
    String fallback = "TPE repeated earlier configurations; uniform random sample instead";
    while (!batch.isFull()) {
      Map<String, Object> picked =
          batch
              .addFirstNew(() -> sampler.sample(random), MODEL_ATTEMPTS, rationale)
              .orElseGet(() -> batch.addFirstNewOrFail(() -> RandomProposer.sample(space, random), fallback));
      sampler.addPending(picked);
    }
    return Proposal.of(batch.configs());
  }

  /** The complete trials with a value, oldest first, their configurations clipped into the current space. */
  private static List<Observation> observations(ProposalRequest request) {
    double sign = request.objective().direction() == Direction.MAXIMIZE ? -1 : 1;
    List<Observation> observations = new ArrayList<>();
    for (TrialResult result : request.history()) {
      Double value = result.getValue();
      if (result.getStatus() != TrialStatus.COMPLETE || value == null || value.isNaN()) {
        continue;
      }
      try {
        Map<String, Object> config = request.space().coerce(result.getTrial().getParams(), OutOfRange.CLIP);
        observations.add(new Observation(config, sign * value));
      } catch (InvalidConfigException e) {
        // A trial of an earlier space, say with a choice since removed: it says nothing about this space.
      }
    }
    return observations;
  }

  /** The sampler whose good group is the {@code good} observations of lowest loss (the older first on ties). */
  private static TpeSampler splitSampler(
      SearchSpace space, List<Observation> observations, int good, boolean multivariate) {
    boolean[] isGood = new boolean[observations.size()];
    IntStream.range(0, observations.size())
        .boxed()
        .sorted(Comparator.comparingDouble(i -> observations.get(i).loss()))
        .limit(good)
        .forEach(i -> isGood[i] = true);
    List<Map<String, Object>> below = new ArrayList<>();
    List<Map<String, Object>> above = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      (isGood[i] ? below : above).add(observations.get(i).config());
    }
    return multivariate
        ? new MultivariateTpeSampler(space, below, above)
        : new UnivariateTpeSampler(space, below, above);
  }
}

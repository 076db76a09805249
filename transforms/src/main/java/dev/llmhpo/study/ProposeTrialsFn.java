package dev.llmhpo.study;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Turns the history into the next round: re-emits every result already in the history (training passes those
 * through) plus the round's new PENDING trials, each keyed by the worker slot that should train it. A study's first
 * batch starts with XGBoost's defaults, so studies with different proposers compare fairly; then come the queued
 * configurations not yet tried ({@link TrialQueue}), as many as fit; the proposer gets all of them as pending and
 * fills the rest of the batch.
 *
 * <p>The history travels as this DoFn's main input, not as a side input: side inputs chained over many rounds make
 * Flink's batch planner enumerate about 2^rounds paths.
 */
class ProposeTrialsFn extends DoFn<History, KV<Integer, TrialResult>> {
  /** The namespace of the Beam counters; on Flink they show in the job's UI and REST API (accumulators). */
  private static final String COUNTERS = "llm-hpo";

  private final ProposalPlan plan;
  private final ProposerFactory proposerFactory;
  private final List<Integer> slotKeys;
  private final Counter trialsProposed = Metrics.counter(COUNTERS, "trials_proposed");
  private transient Proposer proposer;
  private transient SearchSpace space;

  /** @param slotKeys one key per worker slot; trial i of a round goes to {@code slotKeys[i % size]} */
  ProposeTrialsFn(ProposalPlan plan, ProposerFactory proposerFactory, List<Integer> slotKeys) {
    this.plan = plan;
    this.proposerFactory = proposerFactory;
    this.slotKeys = List.copyOf(slotKeys);
  }

  @Setup
  public void setup() {
    proposer = proposerFactory.create();
    space = SearchSpace.of(plan.space());
  }

  @ProcessElement
  public void process(@Element History history, OutputReceiver<KV<Integer, TrialResult>> out) {
    for (TrialResult done : history.getResults()) {
      out.output(KV.of(slotKeys.get(0), done));
    }
    List<Trial> trials = nextTrials(history);
    for (int i = 0; i < trials.size(); i++) {
      TrialResult pending = TrialResult.newBuilder().setTrial(trials.get(i)).setStatus(TrialStatus.PENDING).build();
      out.output(KV.of(slotKeys.get(i % slotKeys.size()), pending));
    }
  }

  private List<Trial> nextTrials(History history) {
    int round = history.getRoundsDone();
    int nextId = history.getResults().stream().mapToInt(r -> r.getTrial().getTrialId() + 1).max().orElse(0);
    List<ProposedConfig> configs = new ArrayList<>();
    if (history.getResults().isEmpty()) {
      configs.add(new ProposedConfig(space.defaults(), "default", "XGBoost's default configuration (baseline)"));
    }
    configs.addAll(plan.queue().next(space, history.getResults(), configs, plan.trialsPerRound() - configs.size()));
    ProposalInfo info = null;
    int wanted = plan.trialsPerRound() - configs.size();
    if (wanted > 0) {
      Proposal proposal = proposer.propose(request(history, configs, wanted));
      configs.addAll(proposal.configs());
      info = proposal.info();
      proposal.counts().forEach((name, count) -> Metrics.counter(COUNTERS, name).inc(count));
    }
    trialsProposed.inc(configs.size());
    List<Trial> trials = new ArrayList<>();
    for (ProposedConfig config : configs) {
      trials.add(
          Trial.newBuilder()
              .setStudyId(plan.studyId())
              .setTrialId(nextId + trials.size())
              .setRound(round)
              .setParams(config.params())
              .setProposer(config.proposer())
              .setRationale(config.rationale())
              .setProposal(trials.isEmpty() ? info : null)
              .build());
    }
    return trials;
  }

  /** What the proposer gets: {@code wanted} more configurations for the round after {@code history}. */
  private ProposalRequest request(History history, List<ProposedConfig> pending, int wanted) {
    int round = history.getRoundsDone();
    List<TrialResult> results = history.getResults();
    return new ProposalRequest(plan.objective(), space, results, pending, wanted, round, plan.roundSeed(round),
        plan.dataCardJson(), plan.budget().withUsed(results.size()));
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wraps the random proposer, records what history each round was proposed from, and can make the first trial of
 * each round one that XGBoost rejects. Embedded Flink runs in the test's JVM, so a static registry reaches the workers' copies.
 */
final class RecordingProposer implements Proposer {
  /** What one propose call saw. */
  record Call(int round, List<Integer> finishedTrialIds, List<Integer> pendingTrialIds) {}

  private static final Map<String, Queue<Call>> CALLS = new ConcurrentHashMap<>();

  private final String registry;
  private final boolean firstOfEachRoundInvalid;
  private final Proposer random = new RandomProposer();

  private RecordingProposer(String registry, boolean firstOfEachRoundInvalid) {
    this.registry = registry;
    this.firstOfEachRoundInvalid = firstOfEachRoundInvalid;
  }

  static ProposerFactory factory(String registry, boolean firstOfEachRoundInvalid) {
    CALLS.put(registry, new ConcurrentLinkedQueue<>());
    return () -> new RecordingProposer(registry, firstOfEachRoundInvalid);
  }

  static List<Call> calls(String registry) {
    return new ArrayList<>(CALLS.get(registry));
  }

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    List<Integer> finished = new ArrayList<>(), pending = new ArrayList<>();
    for (TrialResult r : request.history()) {
      (r.getStatus() == TrialStatus.PENDING ? pending : finished).add(r.getTrial().getTrialId());
    }
    CALLS.get(registry).add(new Call(request.round(), finished, pending));
    List<ProposedConfig> out = new ArrayList<>();
    for (ProposedConfig c : random.propose(request).configs()) {
      Map<String, Object> params = new TreeMap<>(c.params());
      if (firstOfEachRoundInvalid) {
        // The test's space offers grow_policy "nonsense": inside the space, but XGBoost rejects it.
        params.put("grow_policy", out.isEmpty() ? "nonsense" : "depthwise");
      }
      out.add(new ProposedConfig(params, name(), "recorded"));
    }
    return Proposal.of(out);
  }
}

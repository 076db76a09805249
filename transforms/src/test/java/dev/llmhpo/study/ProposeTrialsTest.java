package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Studies;
import dev.llmhpo.propose.TrialBudget;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

/** ProposeTrials on the direct runner: the baseline, trial ids, slots, ProposalInfo, and what the proposer gets. */
public class ProposeTrialsTest {
  private static final SearchSpace SPACE = SearchSpace.xgboostDefault();
  /** The direct runner builds the proposer in this JVM, so its requests can be read back here. */
  private static final Queue<ProposalRequest> REQUESTS = new ConcurrentLinkedQueue<>();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Random search that records its requests and reports an analysis; its trials are labelled random. */
  static final class RecordingProposer implements Proposer {
    @Override
    public String name() {
      return "recording";
    }

    @Override
    public Proposal propose(ProposalRequest request) {
      REQUESTS.add(request);
      ProposalInfo info = ProposalInfo.newBuilder().setAnalysis("what the history shows").build();
      return new Proposal(new RandomProposer().propose(request).configs(), info, Map.of("llm_calls", 1L));
    }
  }

  private static StudySpec spec() {
    return StudySpec.newBuilder()
        .setStudyId("propose")
        .setDataSource(DataSource.newBuilder().setTrainPath("unused.csv").setTarget("y").build())
        .setTask(TaskType.BINARY)
        .setMetric("logloss")
        .setDirection(Direction.MINIMIZE)
        .setSpace(SPACE.params())
        .setRounds(2)
        .setTrialsPerRound(4)
        .setSeed(3)
        .setProposer("recording")
        .build();
  }

  private PCollection<KV<Integer, TrialResult>> propose(History history, int plannedTrials) {
    return propose(history, plannedTrials, TrialQueue.EMPTY);
  }

  private PCollection<KV<Integer, TrialResult>> propose(History history, int plannedTrials, TrialQueue queue) {
    REQUESTS.clear();
    return pipeline
        .apply(Create.of(history).withCoder(AvroCoder.of(History.class)))
        .apply(new ProposeTrials(ProposalPlan.of(spec(), plannedTrials, "{}", queue), RecordingProposer::new, List.of(7, 9)));
  }

  /** Five queued configurations, eta 0.01 to 0.05, the rest the defaults. */
  private static TrialQueue fiveQueued() {
    List<ProposedConfig> configs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Map<String, Object> config = new java.util.LinkedHashMap<>(SPACE.defaults());
      config.put("eta", i / 100.0);
      configs.add(new ProposedConfig(config, TrialQueue.PORTFOLIO, "queued " + i));
    }
    return new TrialQueue(configs);
  }

  private static List<String> rationales(List<KV<Integer, TrialResult>> trials) {
    return trials.stream().map(kv -> kv.getValue().getTrial().getRationale()).toList();
  }

  private static List<Integer> ids(List<KV<Integer, TrialResult>> trials) {
    return trials.stream().map(kv -> kv.getValue().getTrial().getTrialId()).toList();
  }

  private static List<KV<Integer, TrialResult>> pendingByTrialId(Iterable<KV<Integer, TrialResult>> out) {
    List<KV<Integer, TrialResult>> pending = new ArrayList<>();
    out.forEach(kv -> {
      if (kv.getValue().getStatus() == TrialStatus.PENDING) {
        pending.add(kv);
      }
    });
    pending.sort(Comparator.comparingInt(kv -> kv.getValue().getTrial().getTrialId()));
    return pending;
  }

  @Test
  public void aStudysFirstBatchStartsWithTheDefaultsAndTheProposerGetsThemAsPending() {
    History empty = History.newBuilder().setStudyId("propose").setRoundsDone(0).setResults(List.of()).build();

    PAssert.that(propose(empty, 8)).satisfies(out -> {
      List<KV<Integer, TrialResult>> trials = pendingByTrialId(out);
      assertThat(ids(trials), equalTo(List.of(0, 1, 2, 3)));
      assertThat(trials.stream().map(KV::getKey).toList(), equalTo(List.of(7, 9, 7, 9)));
      Trial baseline = trials.get(0).getValue().getTrial();
      assertThat(baseline.getProposer(), equalTo("default"));
      assertThat(SPACE.canonicalKey(baseline.getParams()), equalTo(SPACE.canonicalKey(SPACE.defaults())));
      assertThat("the round's ProposalInfo is on its first trial", baseline.getProposal().getAnalysis(),
          equalTo("what the history shows"));
      for (KV<Integer, TrialResult> kv : trials.subList(1, 4)) {
        assertThat(kv.getValue().getTrial().getProposer(), equalTo("random"));
        assertThat(kv.getValue().getTrial().getProposal(), nullValue());
      }
      return null;
    });
    pipeline.run().waitUntilFinish();

    ProposalRequest request = REQUESTS.remove();
    assertThat(request.n(), equalTo(3));
    assertThat(request.pending().stream().map(ProposedConfig::proposer).toList(), equalTo(List.of("default")));
    assertThat(request.budget(), equalTo(new TrialBudget(8, 0, 2, 4, 2000, 50)));
  }

  @Test
  public void theQueueFollowsTheBaselineAndFillsWholeBatchesBeforeTheProposer() {
    History empty = History.newBuilder().setStudyId("propose").setRoundsDone(0).setResults(List.of()).build();

    PAssert.that(propose(empty, 8, fiveQueued())).satisfies(out -> {
      List<KV<Integer, TrialResult>> trials = pendingByTrialId(out);
      assertThat(trials.get(0).getValue().getTrial().getProposer(), equalTo("default"));
      assertThat(rationales(trials).subList(1, 4), equalTo(List.of("queued 1", "queued 2", "queued 3")));
      assertThat(trials.get(2).getValue().getTrial().getProposer(), equalTo(TrialQueue.PORTFOLIO));
      return null;
    });
    pipeline.run().waitUntilFinish();

    assertThat("a batch the queue fills asks the proposer for nothing", REQUESTS.isEmpty(), equalTo(true));
  }

  @Test
  public void theNextRoundTakesTheRestOfTheQueueThenTheProposerWithThemPending() {
    List<TrialResult> round0 = new ArrayList<>();
    round0.add(Studies.result(0, 0, SPACE.defaults(), TrialStatus.COMPLETE, 0.5));
    List<ProposedConfig> queued = fiveQueued().configs();
    for (int i = 0; i < 3; i++) {
      round0.add(Studies.result(i + 1, 0, queued.get(i).params(), TrialStatus.COMPLETE, 0.4));
    }
    History afterRound0 = History.newBuilder().setStudyId("propose").setRoundsDone(1).setResults(round0).build();

    PAssert.that(propose(afterRound0, 8, fiveQueued())).satisfies(out -> {
      List<KV<Integer, TrialResult>> trials = pendingByTrialId(out);
      assertThat(ids(trials), equalTo(List.of(4, 5, 6, 7)));
      assertThat(rationales(trials).subList(0, 2), equalTo(List.of("queued 4", "queued 5")));
      assertThat(trials.get(2).getValue().getTrial().getProposer(), equalTo("random"));
      assertThat(trials.get(3).getValue().getTrial().getProposer(), equalTo("random"));
      return null;
    });
    pipeline.run().waitUntilFinish();

    ProposalRequest request = REQUESTS.remove();
    assertThat(request.n(), equalTo(2));
    assertThat(request.pending(), equalTo(queued.subList(3, 5)));
    assertThat(request.history().size(), equalTo(4));
  }

  @Test
  public void aResumedStudyContinuesItsTrialIdsWithoutABaseline() {
    List<TrialResult> earlier = Studies.randomHistory(SPACE, 5, 1, config -> 0.5, 1);
    History resumed = History.newBuilder().setStudyId("propose").setRoundsDone(2).setResults(earlier).build();

    PAssert.that(propose(resumed, 14)).satisfies(out -> {
      List<KV<Integer, TrialResult>> trials = pendingByTrialId(out);
      assertThat(ids(trials), equalTo(List.of(6, 7, 8, 9)));
      assertThat(trials.stream().map(kv -> kv.getValue().getTrial().getRound()).distinct().toList(),
          equalTo(List.of(2)));
      assertThat(trials.get(0).getValue().getTrial().getProposer(), equalTo("random"));
      return null;
    });
    pipeline.run().waitUntilFinish();

    ProposalRequest request = REQUESTS.remove();
    assertThat(request.n(), equalTo(4));
    assertThat(request.pending(), equalTo(List.of()));
    assertThat(request.history().size(), equalTo(6));
    assertThat(request.budget(), equalTo(new TrialBudget(14, 6, 2, 4, 2000, 50)));
    assertThat(request.seed(), equalTo(3 * 1_000_003L + 2));
  }
}

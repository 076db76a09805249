package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.study.ProposalPlan;
import dev.llmhpo.study.ProposeTrials;
import dev.llmhpo.study.TrialQueue;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The proposal counters (LLM calls, fallbacks, trials proposed) reach Flink: embedded Flink reports Beam counters as
 * job accumulators, the same ones a cluster's web UI and REST API ({@code /jobs/<id>/accumulators}) show.
 */
public class ProposalCountersFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** Random search that reports LLM-like counts, as an LLM proposer does. */
  static final class CostlyProposer implements Proposer {
    private final Proposer random = new RandomProposer();

    @Override
    public String name() {
      return "costly";
    }

    @Override
    public Proposal propose(ProposalRequest request) {
      ProposalInfo info = ProposalInfo.newBuilder().setLlmCalls(3).setFallbacks(1).build();
      return new Proposal(random.propose(request).configs(), info, Map.of("llm_calls", 3L, "llm_fallbacks", 1L));
    }
  }

  @Test
  public void proposalCountersAreFlinkMetrics() throws Exception {
    StudySpec spec =
        StudySpec.newBuilder()
            .setStudyId("counters")
            .setDataSource(DataSource.newBuilder().setTrainPath("unused.csv").setTarget("y").build())
            .setTask(TaskType.BINARY)
            .setMetric("logloss")
            .setDirection(Direction.MINIMIZE)
            .setSpace(SearchSpace.xgboostDefault().params())
            .setRounds(1)
            .setTrialsPerRound(4)
            .setSeed(3)
            .setProposer("costly")
            .build();
    TuneOptions options = StudyFixtures.options(tmp.getRoot().toPath(), "--parallelism=1");
    Pipeline pipeline = Pipeline.create(options);
    History empty = History.newBuilder().setStudyId("counters").setRoundsDone(0).setResults(List.of()).build();
    pipeline
        .apply(Create.of(empty).withCoder(AvroCoder.of(History.class)))
        .apply(new ProposeTrials(ProposalPlan.of(spec, 4, "{}", TrialQueue.EMPTY), CostlyProposer::new, List.of(0)));

    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    Map<String, Long> counters = new HashMap<>();
    for (MetricResult<Long> c :
        result.metrics().queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace("llm-hpo")).build()).getCounters()) {
      counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    assertThat(counters.get("llm_calls"), equalTo(3L));
    assertThat(counters.get("llm_fallbacks"), equalTo(1L));
    assertThat(counters.get("trials_proposed"), equalTo(4L));
  }
}

package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Studies;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;

/** Which queued configurations a round takes: in order, as many as fit, none the study has tried. */
public class TrialQueueTest {
  private static final SearchSpace SPACE = SearchSpace.xgboostDefault();
  private static final ProposedConfig BASELINE = new ProposedConfig(SPACE.defaults(), "default", "baseline");

  private static ProposedConfig queued(double eta) {
    return new ProposedConfig(SPACE.coerce(Map.of("eta", eta), OutOfRange.REJECT), TrialQueue.ENQUEUED, "eta " + eta);
  }

  private static final TrialQueue QUEUE = new TrialQueue(List.of(queued(0.01), queued(0.02), queued(0.03), queued(0.04)));

  private static List<TrialResult> trained(List<ProposedConfig> configs, TrialStatus status) {
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      results.add(Studies.result(i, 0, configs.get(i).params(), status, status == TrialStatus.COMPLETE ? 0.5 : null));
    }
    return results;
  }

  @Test
  public void eachRoundTakesTheNextUntriedConfigurationsInOrderAsManyAsFit() {
    List<ProposedConfig> first = QUEUE.next(SPACE, List.of(), List.of(BASELINE), 3);
    assertThat(first, equalTo(List.of(queued(0.01), queued(0.02), queued(0.03))));

    List<ProposedConfig> round0 = new ArrayList<>(List.of(BASELINE));
    round0.addAll(first);
    assertThat(QUEUE.next(SPACE, trained(round0, TrialStatus.COMPLETE), List.of(), 4), equalTo(List.of(queued(0.04))));

    List<ProposedConfig> all = new ArrayList<>(round0);
    all.add(queued(0.04));
    assertThat(QUEUE.next(SPACE, trained(all, TrialStatus.COMPLETE), List.of(), 4), empty());
    assertThat(QUEUE.next(SPACE, List.of(), List.of(), 0), empty());
  }

  @Test
  public void whatTheTrialLogHoldsIsNotTrainedAgainFailedTrialsIncluded() {
    // A resumed study: the log's trials come back as the history, whoever proposed them and however they ended.
    List<TrialResult> log = trained(List.of(BASELINE, queued(0.02), queued(0.01)), TrialStatus.FAILED);

    assertThat(QUEUE.next(SPACE, log, List.of(), 4), equalTo(List.of(queued(0.03), queued(0.04))));
  }

  @Test
  public void theBaselineAndRepeatsInTheQueueAreTakenOnce() {
    ProposedConfig defaults = new ProposedConfig(SPACE.defaults(), TrialQueue.ENQUEUED, "the defaults");
    TrialQueue queue = new TrialQueue(List.of(defaults, queued(0.05), queued(0.05), queued(0.06)));

    assertThat(queue.next(SPACE, List.of(), List.of(BASELINE), 3), equalTo(List.of(queued(0.05), queued(0.06))));
  }

  @Test
  public void aQueueTravelsToTheWorkersIntact() {
    TrialQueue copy = SerializableUtils.clone(QUEUE);

    assertThat(copy, equalTo(QUEUE));
    assertThat(copy.configs().get(0).params().get("max_depth"), equalTo(6L));
  }
}

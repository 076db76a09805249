package dev.llmhpo.study;

import dev.llmhpo.history.Histories;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;

/**
 * The stateful aggregation that closes a round: it collects every result of a study (keyed by study id) in a bag
 * and, when the round's input is complete (the end-of-window timer), emits one history for the next round.
 *
 * <p>Why a stateful DoFn and not a Combine: the history is per-study state read whole by the next round, and the
 * state API says so; a Combine would add a partial-combine step that only copies lists. In Flink batch each key
 * is one group-reduce on one worker.
 */
public class AggregateHistoryFn extends DoFn<KV<String, TrialResult>, History> {
  private final Direction direction;

  @StateId("results")
  private final StateSpec<BagState<TrialResult>> resultsSpec = StateSpecs.bag(AvroCoder.of(TrialResult.class));

  @TimerId("roundComplete")
  private final TimerSpec roundCompleteSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  public AggregateHistoryFn(Direction direction) {
    this.direction = direction;
  }

  @ProcessElement
  public void process(
      @Element KV<String, TrialResult> result,
      @StateId("results") BagState<TrialResult> results,
      @TimerId("roundComplete") Timer roundComplete,
      BoundedWindow window) {
    results.add(result.getValue());
    roundComplete.set(window.maxTimestamp());
  }

  @OnTimer("roundComplete")
  public void onRoundComplete(
      @Key String studyId, @StateId("results") BagState<TrialResult> results, OutputReceiver<History> out) {
    List<TrialResult> all = new ArrayList<>();
    results.read().forEach(all::add);
    int round = all.stream().mapToInt(r -> r.getTrial().getRound()).max().orElse(-1);
    out.output(Histories.of(studyId, round + 1, all, direction));
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.history.AggregateHistory;
import dev.llmhpo.history.RoundListener;
import dev.llmhpo.propose.ProposeTrials;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.train.TrainTrials;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/** One round of a study: propose from the history, train in parallel, aggregate into the next history. */
class TuneRound extends PTransform<PCollection<History>, PCollection<History>> {
  private final StudySpec spec;
  private final ProposerFactory proposer;
  private final List<Integer> slotKeys;
  private final String dataCardJson;
  private final int plannedTrials;
  private final RoundListener listener;

  /** @param plannedTrials trials the whole study plans through the end of this run, earlier runs included */
  TuneRound(StudySpec spec, ProposerFactory proposer, List<Integer> slotKeys, String dataCardJson, int plannedTrials,
      RoundListener listener) {
    this.spec = spec;
    this.proposer = proposer;
    this.slotKeys = slotKeys;
    this.dataCardJson = dataCardJson;
    this.plannedTrials = plannedTrials;
    this.listener = listener;
  }

  @Override
  public PCollection<History> expand(PCollection<History> history) {
    return history
        .apply("ProposeTrials", new ProposeTrials(spec, proposer, slotKeys, dataCardJson, plannedTrials))
        .apply("TrainTrials", new TrainTrials(spec, slotKeys))
        .apply("AggregateHistory", new AggregateHistory(spec, listener));
  }
}

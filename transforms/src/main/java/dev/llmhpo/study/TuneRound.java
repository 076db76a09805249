package dev.llmhpo.study;

import dev.llmhpo.propose.ProposeTrials;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.train.TrialTraining;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * One round of a study: propose from the history, train in parallel, aggregate into the next history, write the
 * round to the trial log.
 */
public class TuneRound extends PTransform<PCollection<History>, PCollection<History>> {
  private final StudySpec spec;
  private final ProposerFactory proposer;
  private final List<Integer> slotKeys;
  private final String dataCardJson;
  private final int plannedTrials;
  private final TrialTraining training;
  private final String outputDir;

  /** @param plannedTrials trials the whole study plans through the end of this run, earlier runs included */
  public TuneRound(
      StudySpec spec,
      ProposerFactory proposer,
      List<Integer> slotKeys,
      String dataCardJson,
      int plannedTrials,
      TrialTraining training,
      String outputDir) {
    this.spec = spec;
    this.proposer = proposer;
    this.slotKeys = List.copyOf(slotKeys);
    this.dataCardJson = dataCardJson;
    this.plannedTrials = plannedTrials;
    this.training = training;
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<History> expand(PCollection<History> history) {
    return history
        .apply("ProposeTrials", new ProposeTrials(spec, proposer, slotKeys, dataCardJson, plannedTrials))
        .apply("TrainTrials", new TrainTrials(training))
        .apply("AggregateHistory", new AggregateHistory(spec.getDirection()))
        .apply("WriteTrialLog", new WriteTrialLog(outputDir));
  }
}

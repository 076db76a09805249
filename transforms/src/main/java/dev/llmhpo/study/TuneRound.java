package dev.llmhpo.study;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.History;
import dev.llmhpo.train.TrialTraining;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * One round of a study: propose from the history, train in parallel, aggregate into the next history, write the
 * round to the trial log.
 */
public class TuneRound extends PTransform<PCollection<History>, PCollection<History>> {
  private final ProposalPlan plan;
  private final ProposerFactory proposer;
  private final List<Integer> slotKeys;
  private final TrialTraining training;
  private final String outputDir;

  public TuneRound(
      ProposalPlan plan, ProposerFactory proposer, List<Integer> slotKeys, TrialTraining training, String outputDir) {
    this.plan = plan;
    this.proposer = proposer;
    this.slotKeys = List.copyOf(slotKeys);
    this.training = training;
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<History> expand(PCollection<History> history) {
    return history
        .apply("ProposeTrials", new ProposeTrials(plan, proposer, slotKeys))
        .apply("TrainTrials", new TrainTrials(training))
        .apply("AggregateHistory", new AggregateHistory(plan.objective().direction()))
        .apply("WriteTrialLog", new WriteTrialLog(outputDir));
  }
}

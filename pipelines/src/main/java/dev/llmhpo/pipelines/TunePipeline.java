package dev.llmhpo.pipelines;

import dev.llmhpo.data.StudyData;
import dev.llmhpo.report.WriteReport;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.study.FitFinalModel;
import dev.llmhpo.study.ProposalPlan;
import dev.llmhpo.study.TuneRound;
import dev.llmhpo.study.WriteSummary;
import dev.llmhpo.train.FinalFit;
import dev.llmhpo.train.TrialTraining;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;

/**
 * A whole study as one Beam job: the study's rounds unrolled one after the other, each reading the previous
 * round's history as its main input, then the final model, summary and report.
 */
final class TunePipeline {
  private TunePipeline() {}

  /** Adds the study to {@code pipeline} and returns the final history. */
  static PCollection<History> build(Pipeline pipeline, Study study, List<Integer> slotKeys) {
    StudySpec spec = study.spec();
    String output = study.output().toString();
    TrialTraining training = TrialTraining.of(spec, slotKeys);
    int firstRound = study.startHistory().getRoundsDone();
    PCollection<History> history =
        pipeline.apply("StartHistory", Create.of(study.startHistory()).withCoder(AvroCoder.of(History.class)));
    int plannedTrials = study.startHistory().getResults().size() + spec.getRounds() * spec.getTrialsPerRound();
    ProposalPlan plan = ProposalPlan.of(spec, plannedTrials, study.dataCardJson(), study.queue());
    for (int r = 0; r < spec.getRounds(); r++) {
      history =
          history.apply(
              "Round" + (firstRound + r),
              new TuneRound(plan, study.proposer(), slotKeys, training, output));
    }
    history
        .apply("FitFinalModel", new FitFinalModel(StudyData.of(spec), FinalFit.of(spec), output))
        .apply("WriteSummary", new WriteSummary(spec, study.dataCardJson(), output))
        .apply("WriteReport", new WriteReport(output));
    return history;
  }
}

package dev.llmhpo.pipelines;

import dev.llmhpo.history.RoundListener;
import dev.llmhpo.io.TrialLogWriter;
import dev.llmhpo.pipelines.report.WriteReportFn;
import dev.llmhpo.schema.History;
import dev.llmhpo.train.FinishStudyFn;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * A whole study as one Beam job: the study's rounds unrolled one after the other, each reading the previous
 * round's history as its main input, then the final model, summary and report.
 */
final class TunePipeline {
  private TunePipeline() {}

  /** Adds the study to {@code pipeline} and returns the final history; one log line per round. */
  static PCollection<History> build(Pipeline pipeline, Study study, List<Integer> slotKeys) {
    return build(pipeline, study, slotKeys, true);
  }

  /** @param roundLines whether each round logs a line (off while the launcher draws a live line instead) */
  static PCollection<History> build(Pipeline pipeline, Study study, List<Integer> slotKeys, boolean roundLines) {
    int firstRound = study.startHistory().getRoundsDone();
    RoundListener writer = new TrialLogWriter(study.output().toString());
    RoundListener listener = roundLines ? writer.andThen(new ProgressLine(firstRound)) : writer;
    PCollection<History> history =
        pipeline.apply("StartHistory", Create.of(study.startHistory()).withCoder(AvroCoder.of(History.class)));
    int plannedTrials =
        study.startHistory().getResults().size() + study.spec().getRounds() * study.spec().getTrialsPerRound();
    for (int r = 0; r < study.spec().getRounds(); r++) {
      history =
          history.apply(
              "Round" + (firstRound + r),
              new TuneRound(study.spec(), study.proposer(), slotKeys, study.dataCardJson(), plannedTrials, listener));
    }
    history
        .apply("FinishStudy", ParDo.of(new FinishStudyFn(study.spec(), study.output().toString(), study.dataCardJson())))
        .apply("WriteReport", ParDo.of(new WriteReportFn(study.output().toString())));
    return history;
  }
}

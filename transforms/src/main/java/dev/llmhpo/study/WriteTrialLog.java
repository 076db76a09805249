package dev.llmhpo.study;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the round a history has just closed to the trial log ({@code trials/round-NNNNN.avro}, atomically) and
 * passes the history on, so that the next round starts only once its predecessor is on disk.
 */
public class WriteTrialLog extends PTransform<PCollection<History>, PCollection<History>> {
  private final String outputDir;

  public WriteTrialLog(String outputDir) {
    this.outputDir = outputDir;
  }

  @Override
  public PCollection<History> expand(PCollection<History> history) {
    return history.apply("WriteRound", ParDo.of(new WriteRoundFn(outputDir))).setCoder(AvroCoder.of(History.class));
  }

  static class WriteRoundFn extends DoFn<History, History> {
    private final String outputDir;

    WriteRoundFn(String outputDir) {
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void process(@Element History history, OutputReceiver<History> out) {
      int round = history.getRoundsDone() - 1;
      List<TrialResult> ofRound =
          history.getResults().stream().filter(r -> r.getTrial().getRound() == round).toList();
      new TrialLog(Path.of(outputDir)).writeRound(round, ofRound);
      out.output(history);
    }
  }
}

package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.history.Histories;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** WriteTrialLog on the direct runner: the closing round goes to the log, the history goes on unchanged. */
public class WriteTrialLogTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void writesExactlyTheClosingRoundAndPassesTheHistoryOn() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    List<TrialResult> round2 = List.of(Trials.complete(3, 2, 0.4, 300), Trials.failed(4, 2, "bad config", 301));
    History history =
        Histories.of(
            "tiny",
            3,
            List.of(Trials.complete(0, 0, 0.5, 100), Trials.complete(1, 1, 0.3, 200), Trials.complete(2, 1, 0.6, 201), round2.get(0), round2.get(1)),
            Direction.MINIMIZE);

    PCollection<History> passed =
        pipeline
            .apply(Create.of(history).withCoder(AvroCoder.of(History.class)))
            .apply(new WriteTrialLog(out.toString()));

    PAssert.thatSingleton(passed).isEqualTo(history);
    pipeline.run().waitUntilFinish();

    assertThat(new TrialLog(out).readAll(), equalTo(round2));
    String[] files = out.resolve("trials").toFile().list();
    Arrays.sort(files);
    assertThat(Arrays.asList(files), contains("round-00002.avro")); // no temporary file left, no other round
  }
}

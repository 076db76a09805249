package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The wiring of one round and of two chained rounds, on the direct runner. */
public class TuneRoundTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void twoRoundsTurnAnEmptyHistoryIntoEveryResult() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Study study =
        Study.prepare(
            StudyFixtures.options(
                tmp.newFolder("out").toPath(),
                "--runner=DirectRunner",
                "--train=" + csv,
                "--target=label",
                "--trialsPerRound=3",
                "--maxBoostRounds=5",
                "--proposer=random"),
            1);

    PCollection<History> history =
        pipeline
            .apply(Create.of(study.startHistory()).withCoder(AvroCoder.of(History.class)))
            .apply("Round0", new TuneRound(study.spec(), study.proposer(), List.of(0, 1), study.dataCardJson(), 6, (s, h) -> {}))
            .apply("Round1", new TuneRound(study.spec(), study.proposer(), List.of(0, 1), study.dataCardJson(), 6, (s, h) -> {}));

    PAssert.thatSingleton(history)
        .satisfies(
            h -> {
              assertThat(h.getRoundsDone(), equalTo(2));
              assertThat(h.getResults(), hasSize(6));
              assertThat(h.getResults().stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));
              assertThat(h.getResults().stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(List.of(0, 1, 2, 3, 4, 5)));
              assertThat(h.getBest(), notNullValue());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}

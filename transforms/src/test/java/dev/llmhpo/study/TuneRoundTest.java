package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.llmhpo.history.Histories;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.train.TrialTraining;
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
    StudySpec spec = StudyFixtures.spec(csv, 3);
    Path out = tmp.newFolder("out").toPath();
    List<Integer> slots = List.of(0, 1);
    TrialTraining training = TrialTraining.of(spec, slots);
    ProposerFactory random = RandomProposer::new;
    String card = StudyFixtures.dataCardJson(spec);
    History empty = Histories.of(spec.getStudyId(), 0, List.of(), spec.getDirection());

    PCollection<History> history =
        pipeline
            .apply(Create.of(empty).withCoder(AvroCoder.of(History.class)))
            .apply("Round0", new TuneRound(ProposalPlan.of(spec, 6, card, TrialQueue.EMPTY), random, slots, training, out.toString()))
            .apply("Round1", new TuneRound(ProposalPlan.of(spec, 6, card, TrialQueue.EMPTY), random, slots, training, out.toString()));

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

    // Each round is in the trial log once its history is complete.
    assertThat(new TrialLog(out).readAll(), hasSize(6));
  }
}

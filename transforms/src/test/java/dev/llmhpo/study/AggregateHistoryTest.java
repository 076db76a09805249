package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

/** AggregateHistory on the direct runner: one history per study key, complete, sorted, deduplicated. */
public class AggregateHistoryTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  // Study "a": rounds 0..2, given out of order; trial 3 was retried, its failed copy finished first.
  private static final TrialResult A0 = Trials.complete(0, 0, 0.50, 100);
  private static final TrialResult A1 = Trials.complete(1, 0, 0.20, 101);
  private static final TrialResult A2 = Trials.complete(2, 1, 0.80, 200);
  private static final TrialResult A3_FAILED = Trials.failed(3, 1, "worker lost", 201);
  private static final TrialResult A3_RETRIED = Trials.complete(3, 1, 0.35, 250);
  private static final TrialResult A4 = Trials.failed(4, 2, "bad config", 300);
  // Study "b": one round.
  private static final TrialResult B0 = Trials.complete(0, 0, 0.60, 100);
  private static final TrialResult B1 = Trials.complete(1, 0, 0.70, 101);

  @Test
  public void minimizeGivesOneSortedHistoryPerStudyWithTheLowestBest() {
    PAssert.that(aggregate(Direction.MINIMIZE))
        .satisfies(
            histories -> {
              Map<String, History> byStudy = byStudy(histories);
              assertThat(byStudy.keySet(), equalTo(Set.of("a", "b")));
              History a = byStudy.get("a");
              assertThat(a.getResults(), equalTo(List.of(A0, A1, A2, A3_RETRIED, A4)));
              assertThat(a.getRoundsDone(), equalTo(3));
              assertThat(a.getBest(), equalTo(A1));
              History b = byStudy.get("b");
              assertThat(b.getResults(), equalTo(List.of(B0, B1)));
              assertThat(b.getRoundsDone(), equalTo(1));
              assertThat(b.getBest(), equalTo(B0));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void maximizePicksTheHighestValue() {
    PAssert.that(aggregate(Direction.MAXIMIZE))
        .satisfies(
            histories -> {
              Map<String, History> byStudy = byStudy(histories);
              assertThat(byStudy.get("a").getBest(), equalTo(A2));
              assertThat(byStudy.get("b").getBest(), equalTo(B1));
              assertThat(Trials.ids(byStudy.get("a").getResults()), equalTo(List.of(0, 1, 2, 3, 4)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private PCollection<History> aggregate(Direction direction) {
    return pipeline
        .apply(
            Create.of(
                    KV.of("a", A4),
                    KV.of("b", B1),
                    KV.of("a", A3_RETRIED),
                    KV.of("a", A0),
                    KV.of("a", A3_FAILED),
                    KV.of("b", B0),
                    KV.of("a", A2),
                    KV.of("a", A1))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(TrialResult.class))))
        .apply(new AggregateHistory(direction));
  }

  /** The histories by study id; fails if a study has two. */
  private static Map<String, History> byStudy(Iterable<History> histories) {
    Map<String, History> byStudy = new TreeMap<>();
    for (History h : histories) {
      assertThat("one history per study", byStudy.put(h.getStudyId(), h), equalTo(null));
    }
    return byStudy;
  }
}

package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchParams;
import dev.llmhpo.space.SearchSpace;
import dev.llmhpo.train.TrialTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** TrainTrials on the direct runner: pending trials train, logged ones pass through, a failing one is recorded. */
public class TrainTrialsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void pendingTrialsTrainAndResultsAlreadyDonePassThrough() throws Exception {
    // grow_policy is a categorical the space accepts with any listed choice; XGBoost 3.0.4 knows only depthwise
    // and lossguide, so "sideways" passes the space's coercion and fails in XGBoost itself.
    List<SearchParam> space = new ArrayList<>(SearchSpace.xgboostDefault().params());
    space.add(SearchParams.categorical("grow_policy", List.of("depthwise", "lossguide", "sideways"), "depthwise"));
    StudySpec spec =
        StudySpec.newBuilder(StudyFixtures.spec(StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300), 3))
            .setSpace(space)
            .build();
    List<Integer> slots = List.of(0, 1);
    TrialTraining training = TrialTraining.of(spec, slots);
    TrialResult done = Trials.complete(0, 0, 0.42, 1_000);
    TrialResult failedBefore = Trials.failed(1, 0, "an earlier error", 1_001);
    Map<String, Object> defaults = SearchSpace.of(space).defaults();
    Map<String, Object> deep = new TreeMap<>(defaults);
    deep.putAll(Map.of("eta", 0.1, "max_depth", 3L, "grow_policy", "lossguide"));
    Map<String, Object> invalid = new TreeMap<>(defaults);
    invalid.put("grow_policy", "sideways");

    PCollection<KV<String, TrialResult>> trained =
        pipeline
            .apply(
                Create.of(
                        KV.of(0, done),
                        KV.of(0, failedBefore),
                        KV.of(0, Trials.pending(2, 1, defaults)),
                        KV.of(1, Trials.pending(3, 1, deep)),
                        KV.of(1, Trials.pending(4, 1, invalid)))
                    .withCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(TrialResult.class))))
            .apply(new TrainTrials(training));

    PAssert.that(trained)
        .satisfies(
            out -> {
              Map<Integer, TrialResult> byId = new TreeMap<>();
              for (KV<String, TrialResult> kv : out) {
                assertThat("keyed by study id", kv.getKey(), equalTo("tiny"));
                assertThat("each trial once", byId.put(kv.getValue().getTrial().getTrialId(), kv.getValue()), nullValue());
              }
              assertThat(byId.keySet(), equalTo(Set.of(0, 1, 2, 3, 4)));
              assertThat(byId.get(0), equalTo(done));
              assertThat(byId.get(1), equalTo(failedBefore));
              for (int id : List.of(2, 3)) {
                TrialResult r = byId.get(id);
                assertThat(r.getStatus(), equalTo(TrialStatus.COMPLETE));
                assertThat(Set.copyOf(r.getMetrics().keySet()), equalTo(Set.copyOf(Metrics.names(TaskType.BINARY))));
                assertThat(r.getValue(), equalTo(r.getMetrics().get("logloss")));
                assertThat(r.getValue(), allOf(greaterThan(0.0), lessThan(1.0)));
                assertThat(r.getBestIteration(), allOf(greaterThanOrEqualTo(0), lessThan(5)));
                assertThat(r.getWorker(), containsString("#"));
                assertThat(r.getTrainSeconds(), greaterThan(0.0));
                assertThat(r.getFinishedAtMillis(), greaterThan(0L));
                assertThat(r.getError(), nullValue());
              }
              assertThat(byId.get(2).getTrial().getParams(), equalTo(defaults));
              assertThat(byId.get(3).getTrial().getParams(), equalTo(deep));

              TrialResult failed = byId.get(4);
              assertThat(failed.getStatus(), equalTo(TrialStatus.FAILED));
              assertThat(failed.getError(), allOf(containsString("XGBoostError"), containsString("sideways")));
              assertThat(failed.getValue(), nullValue());
              assertThat(failed.getMetrics().isEmpty(), equalTo(true));
              assertThat(failed.getWorker(), notNullValue());
              assertThat(failed.getFinishedAtMillis(), greaterThan(0L));
              assertThat(failed.getTrial().getParams(), equalTo(invalid));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}

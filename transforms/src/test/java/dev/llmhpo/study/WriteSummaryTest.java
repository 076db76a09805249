package dev.llmhpo.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.history.Histories;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.StudyResult;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** WriteSummary on the direct runner: summary.json holds what README's table lists, and its path comes out. */
public class WriteSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void writesTheSummaryAndEmitsItsPath() throws Exception {
    StudySpec spec = StudyFixtures.spec(tmp.getRoot().toPath().resolve("tiny.csv"), 2);
    Path out = tmp.newFolder("out").toPath();
    Map<String, Object> bestParams = new LinkedHashMap<>(SearchSpace.of(spec.getSpace()).defaults());
    bestParams.put("eta", 0.05);
    bestParams.put("max_depth", 3L);
    TrialResult best = withParams(Trials.complete(1, 0, 0.30, 101), bestParams);
    ProposalInfo proposal =
        ProposalInfo.newBuilder().setLlmCalls(2).setPromptTokens(120).setCompletionTokens(30).setRepairs(1).build();
    TrialResult first = Trials.complete(0, 0, 0.50, 100);
    first.getTrial().setProposal(proposal);
    History history = Histories.of("tiny", 1, List.of(first, best, Trials.failed(2, 0, "x", 102)), spec.getDirection());
    Map<String, Double> test = Map.of("logloss", 0.31, "auc", 0.9, "accuracy", 0.85, "error", 0.15);
    StudyResult result =
        StudyResult.newBuilder().setHistory(history).setModelPath(out + "/model/model.json").setTest(test).build();
    String card = "{\"rows\": 300, \"positiveClass\": \"yes\", \"columns\": [{\"name\": \"x1\", \"type\": \"numeric\"}]}";

    PCollection<String> paths =
        pipeline
            .apply(Create.of(result).withCoder(AvroCoder.of(StudyResult.class)))
            .apply(new WriteSummary(spec, card, out.toString()));

    Path summaryFile = out.resolve("summary.json");
    PAssert.thatSingleton(paths).isEqualTo(summaryFile.toString());
    pipeline.run().waitUntilFinish();

    JsonNode summary = JSON.readTree(summaryFile.toFile());
    assertThat(summary.get("study").asText(), equalTo("tiny"));
    assertThat(summary.get("task").asText(), equalTo("binary"));
    assertThat(summary.get("metric").asText(), equalTo("logloss"));
    assertThat(summary.get("direction").asText(), equalTo("minimize"));
    assertThat(summary.get("positiveClass").asText(), equalTo("yes")); // from the data card
    assertThat(summary.at("/trials/completed").asInt(), equalTo(2));
    assertThat(summary.at("/trials/failed").asInt(), equalTo(1));
    assertThat(summary.at("/best/trialId").asInt(), equalTo(1));
    assertThat(summary.at("/best/params"), equalTo(json(bestParams)));
    List<String> order = new ArrayList<>();
    summary.at("/best/params").fieldNames().forEachRemaining(order::add);
    assertThat("in the space's order", order, equalTo(SearchSpace.of(spec.getSpace()).names()));
    assertThat(summary.at("/best/validation"), equalTo(json(best.getMetrics())));
    assertThat(summary.get("test"), equalTo(json(test)));
    assertThat(summary.at("/proposals/llmCalls").asInt(), equalTo(2));
    assertThat(summary.at("/proposals/promptTokens").asInt(), equalTo(120));
    assertThat(summary.at("/proposals/completionTokens").asInt(), equalTo(30));
    assertThat(summary.at("/proposals/repairs").asInt(), equalTo(1));
    assertThat(summary.get("dataCard"), equalTo(JSON.readTree(card)));
  }

  /** The value as summary.json would read back: numbers typed as a parser types them. */
  private static JsonNode json(Object value) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(value));
  }

  private static TrialResult withParams(TrialResult result, Map<String, Object> params) {
    Trial trial = Trial.newBuilder(result.getTrial()).setParams(new LinkedHashMap<>(params)).build();
    return TrialResult.newBuilder(result).setTrial(trial).build();
  }
}

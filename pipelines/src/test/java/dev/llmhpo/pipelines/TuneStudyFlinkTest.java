package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.File;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A whole study on UCI Adult, small budget, on embedded Flink ({@code --flinkMaster=[local]}). */
public class TuneStudyFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void adultStudyWritesTrialLogModelAndSummary() throws Exception {
    Path out = tmp.newFolder("adult").toPath();
    TuneOptions options =
        StudyFixtures.options(
            out,
            "--dataset=adult",
            "--dataDir=" + StudyFixtures.adultDir(),
            "--rounds=2",
            "--trialsPerRound=2",
            "--maxBoostRounds=400",
            "--proposer=tpe");

    assertThat(TuneCommand.run(options, Pipeline.create(options)), equalTo(PipelineResult.State.DONE));

    // The trial log is plain Avro: read it with the generic reader, as any Avro tool would.
    List<GenericRecord> records = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(out.resolve("trials"), "*.avro")) {
      for (Path file : files) {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          reader.forEach(records::add);
        }
      }
    }
    assertThat(records, hasSize(4));
    List<Integer> ids = new ArrayList<>();
    for (GenericRecord r : records) {
      ids.add((Integer) ((GenericRecord) r.get("trial")).get("trialId"));
      assertThat(r.get("status").toString(), equalTo("COMPLETE"));
    }
    assertThat(ids, containsInAnyOrder(IntStream.range(0, 4).boxed().toArray()));
    List<TrialResult> log = StudyFixtures.trialLog(out);
    assertThat(log.get(0).getTrial().getProposer(), equalTo("default"));
    assertThat(log.stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("metric").asText(), equalTo("logloss"));
    assertThat(summary.get("direction").asText(), equalTo("minimize"));
    assertThat(summary.get("positiveClass").asText(), equalTo(">50K"));
    assertThat(Files.readString(out.resolve("report.html")), containsString("<th>positive class</th><td>&gt;50K"));
    assertThat(summary.at("/trials/completed").asInt(), equalTo(4));
    assertThat(summary.at("/trials/failed").asInt(), equalTo(0));
    assertThat(summary.at("/best/trialId").isInt(), is(true));
    assertThat(summary.at("/best/params/max_depth").isNumber(), is(true));
    assertThat(summary.at("/best/validation/logloss").asDouble(), lessThan(0.32));
    assertThat(summary.at("/test/auc").asDouble(), greaterThan(0.90));
    assertThat(summary.at("/test/accuracy").asDouble(), greaterThan(0.84));
    assertThat(summary.at("/dataCard/rows").asInt(), equalTo(32561));

    File model = out.resolve("model/model.json").toFile();
    assertThat(model.exists(), is(true));
    Booster loaded = XGBoost.loadModel(model.getPath());
    assertThat(loaded, notNullValue());
    loaded.dispose();
    assertThat(Files.exists(out.resolve("data-card.json")), is(true));
  }
}

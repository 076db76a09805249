package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TrialLogTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  static TrialResult result(int id, int round) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId("s")
            .setTrialId(id)
            .setRound(round)
            .setParams(Map.of("eta", 0.1, "max_depth", 6L, "booster", "gbtree"))
            .setProposer("llm")
            .setRationale("why")
            .setProposal(ProposalInfo.newBuilder().setAnalysis("analysis").setLlmCalls(2).setPromptTokens(10).build())
            .build();
    return TrialResult.newBuilder()
        .setTrial(trial)
        .setStatus(TrialStatus.COMPLETE)
        .setValue(0.3)
        .setMetrics(Map.of("logloss", 0.3))
        .setBestIteration(12)
        .build();
  }

  @Test
  public void roundsAreWrittenAndReadBackWhole() {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    assertThat(log.readAll(), empty());
    log.writeRound(1, List.of(result(2, 1)));
    log.writeRound(0, List.of(result(0, 0), result(1, 0)));
    assertThat(log.readAll(), equalTo(List.of(result(0, 0), result(1, 0), result(2, 1))));
  }

  @Test
  public void rewritingARoundReplacesIt() throws Exception {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(0, List.of(result(0, 0), result(1, 0)));
    log.writeRound(0, List.of(result(0, 0), result(1, 0)));
    assertThat(log.readAll(), equalTo(List.of(result(0, 0), result(1, 0))));
    try (var files = Files.list(log.dir())) {
      assertThat("no temporary file is left behind", files.map(Path::getFileName).map(Path::toString).toList(), equalTo(List.of("round-00000.avro")));
    }
  }

  @Test
  public void aRoundFileIsAPlainAvroFileWhoseHeaderSaysWhatItHolds() throws Exception {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    List<TrialResult> round = TrialLogDamageTest.results(1, 4, 4);
    log.writeRound(1, round);
    Path file = log.dir().resolve("round-00001.avro");

    try (DataFileReader<TrialResult> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(TrialResult.class))) {
      assertThat(reader.getMetaString("llm-hpo.study"), equalTo("adult"));
      assertThat(reader.getMetaString("llm-hpo.trials"), equalTo("4,5,6,7"));
      assertThat(reader.getMetaString("llm-hpo.sha256"), matchesPattern("[0-9a-f]{64}(,[0-9a-f]{64}){3}"));
      List<TrialResult> read = new ArrayList<>();
      reader.forEach(read::add);
      assertThat("any Avro reader reads it", read, equalTo(round));
    }
    assertThat(log.check().get(0).line(), equalTo(file + ": verified, 4 trials"));
    assertThat(log.readAll(), equalTo(round));
  }

  @Test
  public void aLogWrittenBeforeChecksumsReadsAndIsUnverifiable() throws Exception {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(1, TrialLogDamageTest.results(1, 2, 2));
    Path legacy = log.dir().resolve("round-00000.avro");
    List<TrialResult> before = List.of(result(0, 0), result(1, 0));
    writeAsBeforeChecksums(legacy, before);

    assertThat(log.check().get(0).line(), equalTo(legacy + ": unverifiable (written before checksums), 2 trials"));
    assertThat(log.readAll().subList(0, 2), equalTo(before));

    byte[] bytes = Files.readAllBytes(legacy);
    Files.write(legacy, Arrays.copyOf(bytes, bytes.length - 20));
    assertThat(
        log.check().get(0).line(),
        equalTo(legacy + ": damaged: cut short: 0 trials read; which trials it held is not known (written before checksums)"));
  }

  @Test
  public void aRoundThatFailsToWriteLeavesItsOldFileWholeAndNoTemporaryFile() throws Exception {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(0, List.of(result(0, 0), result(1, 0)));
    TrialResult unwritable = result(1, 0);
    unwritable.setStatus(null); // a required field: the write fails half-way through the round

    assertThrows(RuntimeException.class, () -> log.writeRound(0, List.of(result(0, 0), unwritable)));

    assertThat(log.check().get(0).line(), endsWith("round-00000.avro: verified, 2 trials"));
    try (var files = Files.list(log.dir())) {
      assertThat(files.map(Path::getFileName).map(Path::toString).toList(), equalTo(List.of("round-00000.avro")));
    }
  }

  /** A round file as the trial log wrote it before checksums: one block, no llm-hpo entries in the header. */
  static void writeAsBeforeChecksums(Path file, List<TrialResult> results) throws Exception {
    try (DataFileWriter<TrialResult> writer = new DataFileWriter<>(new SpecificDatumWriter<>(TrialResult.class))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(TrialResult.getClassSchema(), file.toFile());
      for (TrialResult r : results) {
        writer.append(r);
      }
    }
  }

  @Test
  public void theBeamCoderKeepsEveryField() throws Exception {
    AvroCoder<TrialResult> coder = AvroCoder.of(TrialResult.class);
    TrialResult r = result(0, 0);
    assertThat(CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, r)), equalTo(r));
  }
}

package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  public void theBeamCoderKeepsEveryField() throws Exception {
    AvroCoder<TrialResult> coder = AvroCoder.of(TrialResult.class);
    TrialResult r = result(0, 0);
    assertThat(CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, r)), equalTo(r));
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assume.assumeTrue;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.train.VisibleGpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --device=cuda} where CUDA cannot train (no GPU, or the CPU build of XGBoost4J): one warning at start-up,
 * then the study trains on the CPU. Holds for the default build and for {@code -Pgpu} on a machine without a GPU.
 */
public class CudaFallbackFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void cudaWithoutAGpuWarnsOnceAndTrainsOnTheCpu() throws Exception {
    assumeTrue("a GPU is visible here", VisibleGpus.count() == 0);
    Path out = tmp.newFolder("out").toPath();
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    TuneOptions options;
    PipelineResult.State state;
    try {
      options =
          StudyFixtures.options(
              out, "--train=" + csv, "--target=label", "--device=cuda", "--rounds=1", "--trialsPerRound=2",
              "--maxBoostRounds=10");
      state = TuneCommand.run(options, Pipeline.create(options));
    } finally {
      System.setOut(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    assertThat(state, equalTo(PipelineResult.State.DONE));
    assertThat(options.getDevice(), equalTo("cpu"));
    assertThat(
        options.as(FlinkPipelineOptions.class).getParallelism(), equalTo(Runtime.getRuntime().availableProcessors()));
    assertThat(log, containsString("--device=cuda: this XGBoost4J cannot train on CUDA here"));
    assertThat(log.split("cannot train on CUDA", -1).length - 1, equalTo(1));
    assertThat(StudyFixtures.trialLog(out), hasSize(2));
    assertThat(
        StudyFixtures.trialLog(out).stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));
  }

  @Test
  public void anUnknownDeviceStopsBeforeTrainingNamingTheOption() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = TuneCommand.main(new String[] {"--dataset=adult", "--device=tpu", "--output=" + tmp.newFolder("o")});
    } finally {
      System.setErr(original);
    }
    assertThat(exit, equalTo(2));
    assertThat(captured.toString(StandardCharsets.UTF_8), containsString("--device=tpu is not known"));
  }
}

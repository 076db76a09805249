package dev.llmhpo.pipelines;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

public class ProposerChoiceTest {
  private static LlmOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(LlmOptions.class);
  }

  @Test
  public void shuffledFeedbackReachesThePromptSettings() {
    Path output = Path.of("out");

    assertFalse(ProposerChoice.settings(options("--llmModel=m"), output).prompt().shuffledFeedback());
    assertTrue(ProposerChoice.settings(options("--llmModel=m", "--llmShuffledFeedback=true"), output)
        .prompt().shuffledFeedback());
  }
}

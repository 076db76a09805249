package dev.llmhpo.pipelines;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.llm.LlmSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.registry.ProposerSettings;
import dev.llmhpo.propose.registry.Proposers;
import dev.llmhpo.propose.tpe.TpeSettings;
import dev.llmhpo.space.OutOfRange;
import java.nio.file.Path;
import java.time.Duration;

/** Turns {@code --proposer}, the TPE and the LLM options into the serialisable recipe the workers build a proposer from. */
final class ProposerChoice {
  private ProposerChoice() {}

  /** The line of {@code tune --help} that lists the names {@code --proposer} takes. */
  static String help() {
    return "Proposers (--proposer): " + String.join(", ", Proposers.names());
  }

  /**
   * The recipe of {@code --proposer}, from options {@link OptionChecks#values} has checked.
   *
   * @param workersShareThisEnvironment true for embedded runs, where the API key the workers will read can be
   *     checked here, before any training
   */
  static ProposerFactory of(String proposer, TuneOptions options, Path output, boolean workersShareThisEnvironment) {
    TpeSettings tpe = new TpeSettings(options.getTpeStartupTrials(), options.getTpeMultivariate());
    LlmSettings llm = null;
    if (Proposers.usesChatModel(proposer)) {
      llm = settings(options, output);
      if (workersShareThisEnvironment) {
        OptionChecks.apiKeyAvailable(options);
      }
    }
    return Proposers.factory(proposer, ProposerSettings.of(tpe, llm));
  }

  static LlmSettings settings(LlmOptions o, Path output) {
    Provider provider = OptionChecks.provider(o);
    String baseUrl = o.getLlmBaseUrl() != null ? o.getLlmBaseUrl() : provider.defaultBaseUrl();
    String cacheDir = o.getLlmCacheDir() != null ? o.getLlmCacheDir() : output.resolve("llm-cache").toString();
    return new LlmSettings(
        new EndpointSettings(provider, baseUrl, o.getLlmModel(), o.getLlmApiKeyEnv(), o.getLlmApiKeyFile(),
            o.getLlmTemperature(), o.getLlmMaxOutputTokens(), Duration.ofSeconds(o.getLlmTimeoutSeconds()),
            Duration.ofSeconds(o.getLlmRoundTimeoutSeconds())),
        RetryPolicy.of(o.getLlmMaxRetries()),
        PromptSettings.of(o.getLlmPromptTokenCap()).withShuffledFeedback(o.getLlmShuffledFeedback()),
        new AnswerSettings(
            OptionChecks.choice("--llmOutputFormat", o.getLlmOutputFormat(), AnswerSettings.OutputFormat.class),
            OptionChecks.choice("--llmOutOfRange", o.getLlmOutOfRange(), OutOfRange.class)),
        new CacheSettings(OptionChecks.choice("--llmCache", o.getLlmCache(), CacheMode.class),
            Path.of(cacheDir).toAbsolutePath().toString()),
        o.getLlmShare());
  }
}

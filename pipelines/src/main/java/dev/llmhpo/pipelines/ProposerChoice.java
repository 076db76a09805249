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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns {@code --proposer}, the TPE and the LLM options into the serialisable recipe the workers build a proposer from. */
final class ProposerChoice {
  private ProposerChoice() {}

  /** The line of {@code tune --help} that lists the names {@code --proposer} takes. */
  static String help() {
    return "Proposers (--proposer): " + String.join(", ", Proposers.names());
  }

  /**
   * @param workersShareThisEnvironment true for embedded runs, where the API key the workers will read can be
   *     checked here, before any training
   */
  static ProposerFactory of(String proposer, TuneOptions options, Path output, boolean workersShareThisEnvironment) {
    TpeSettings tpe = tpeSettings(options);
    if (!Proposers.names().contains(proposer)) {
      throw new IllegalArgumentException("--proposer=" + proposer + " is not known; choose one of " + Proposers.names());
    }
    LlmSettings llm = null;
    if (Proposers.usesChatModel(proposer)) {
      llm = settings(options, output);
      if (workersShareThisEnvironment) {
        checkApiKeyReadable(llm);
      }
    }
    return Proposers.factory(proposer, ProposerSettings.of(tpe, llm));
  }

  private static TpeSettings tpeSettings(TuneOptions options) {
    if (options.getTpeStartupTrials() < 0) {
      throw new IllegalArgumentException("--tpeStartupTrials=" + options.getTpeStartupTrials() + ": must be 0 or more");
    }
    return new TpeSettings(options.getTpeStartupTrials(), options.getTpeMultivariate());
  }

  static LlmSettings settings(LlmOptions o, Path output) {
    if (o.getLlmModel() == null || o.getLlmModel().isBlank()) {
      throw new IllegalArgumentException("--proposer=llm and llm-tpe need --llmModel (and --llmBaseUrl for a local server)");
    }
    Provider provider = provider(o.getLlmProvider());
    String baseUrl = o.getLlmBaseUrl() != null ? o.getLlmBaseUrl() : provider.defaultBaseUrl();
    String cacheDir = o.getLlmCacheDir() != null ? o.getLlmCacheDir() : output.resolve("llm-cache").toString();
    try {
      return new LlmSettings(
          new EndpointSettings(provider, baseUrl, o.getLlmModel(), o.getLlmApiKeyEnv(), o.getLlmApiKeyFile(),
              o.getLlmTemperature(), o.getLlmMaxOutputTokens(), Duration.ofSeconds(o.getLlmTimeoutSeconds()),
              Duration.ofSeconds(o.getLlmRoundTimeoutSeconds())),
          RetryPolicy.of(o.getLlmMaxRetries()),
          PromptSettings.of(o.getLlmPromptTokenCap()),
          new AnswerSettings(
              enumOption("--llmOutputFormat", o.getLlmOutputFormat(), AnswerSettings.OutputFormat.class),
              enumOption("--llmOutOfRange", o.getLlmOutOfRange(), OutOfRange.class)),
          new CacheSettings(enumOption("--llmCache", o.getLlmCache(), CacheMode.class),
              Path.of(cacheDir).toAbsolutePath().toString()),
          o.getLlmShare());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LLM options: " + e.getMessage(), e);
    }
  }

  private static Provider provider(String value) {
    for (Provider p : Provider.values()) {
      if (p.name().equalsIgnoreCase(value)) {
        return p;
      }
    }
    List<String> known = Arrays.stream(Provider.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    throw new IllegalArgumentException(
        "--llmProvider=" + value + " is not known; choose " + String.join(" or ", known));
  }

  private static void checkApiKeyReadable(LlmSettings s) {
    EndpointSettings endpoint = s.endpoint();
    if (endpoint.provider() != Provider.OPENAI || s.cache().mode() == CacheMode.REPLAY) {
      return;
    }
    if (endpoint.apiKeyFile() != null && !endpoint.apiKeyFile().isBlank()) {
      if (!Files.isReadable(Path.of(endpoint.apiKeyFile()))) {
        throw new IllegalArgumentException("--llmApiKeyFile=" + endpoint.apiKeyFile() + " is not a readable file");
      }
    } else if (System.getenv(endpoint.apiKeyEnv()) == null) {
      throw new IllegalArgumentException(
          "the environment variable " + endpoint.apiKeyEnv() + " (--llmApiKeyEnv) holds no API key; set it, or give --llmApiKeyFile");
    }
  }

  private static <E extends Enum<E>> E enumOption(String option, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException(option + "=" + value + " is not allowed; choose one of " + allowed);
    }
  }
}

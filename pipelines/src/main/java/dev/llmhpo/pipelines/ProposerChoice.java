package dev.llmhpo.pipelines;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.Proposers;
import dev.llmhpo.propose.llm.LlmProposerFactory;
import dev.llmhpo.propose.llm.LlmSettings;
import dev.llmhpo.propose.tpe.TpeSettings;
import dev.llmhpo.space.OutOfRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns {@code --proposer}, the TPE and the LLM options into the serialisable recipe the workers build a proposer from. */
final class ProposerChoice {
  private ProposerChoice() {}

  /**
   * @param workersShareThisEnvironment true for embedded runs, where the API key the workers will read can be
   *     checked here, before any training
   */
  static ProposerFactory of(String proposer, TuneOptions options, Path output, boolean workersShareThisEnvironment) {
    TpeSettings tpe = tpeSettings(options);
    if (LlmProposerFactory.handles(proposer)) {
      LlmSettings settings = settings(options, output);
      if (workersShareThisEnvironment) {
        checkApiKeyReadable(settings);
      }
      return new LlmProposerFactory(proposer, settings, tpe);
    }
    if (!Proposers.builtInNames().contains(proposer)) {
      List<String> known = new ArrayList<>(Proposers.builtInNames());
      known.addAll(List.of("llm", "llm-tpe"));
      throw new IllegalArgumentException("--proposer=" + proposer + " is not known; choose one of " + known);
    }
    return () -> Proposers.create(proposer, tpe);
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
    LlmSettings.Builder b =
        switch (o.getLlmProvider().toLowerCase(Locale.ROOT)) {
          case "openai" -> LlmSettings.openAi(o.getLlmModel());
          case "ollama" -> LlmSettings.ollama(o.getLlmModel());
          default -> throw new IllegalArgumentException("--llmProvider=" + o.getLlmProvider() + " is not known; choose openai or ollama");
        };
    if (o.getLlmBaseUrl() != null) {
      b.baseUrl(o.getLlmBaseUrl());
    }
    String cacheDir = o.getLlmCacheDir() != null ? o.getLlmCacheDir() : output.resolve("llm-cache").toString();
    try {
      return b.apiKeyEnv(o.getLlmApiKeyEnv())
          .apiKeyFile(o.getLlmApiKeyFile())
          .temperature(o.getLlmTemperature())
          .maxOutputTokens(o.getLlmMaxOutputTokens())
          .requestTimeout(Duration.ofSeconds(o.getLlmTimeoutSeconds()))
          .maxRetries(o.getLlmMaxRetries())
          .outputFormat(enumOption("--llmOutputFormat", o.getLlmOutputFormat(), LlmSettings.OutputFormat.class))
          .outOfRange(enumOption("--llmOutOfRange", o.getLlmOutOfRange(), OutOfRange.class))
          .promptTokenCap(o.getLlmPromptTokenCap())
          .llmShare(o.getLlmShare())
          .cacheMode(enumOption("--llmCache", o.getLlmCache(), LlmSettings.CacheMode.class))
          .cacheDir(Path.of(cacheDir).toAbsolutePath().toString())
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LLM options: " + e.getMessage(), e);
    }
  }

  private static void checkApiKeyReadable(LlmSettings s) {
    if (s.provider() != LlmSettings.Provider.OPENAI || s.cacheMode() == LlmSettings.CacheMode.REPLAY) {
      return;
    }
    if (s.apiKeyFile() != null && !s.apiKeyFile().isBlank()) {
      if (!Files.isReadable(Path.of(s.apiKeyFile()))) {
        throw new IllegalArgumentException("--llmApiKeyFile=" + s.apiKeyFile() + " is not a readable file");
      }
    } else if (System.getenv(s.apiKeyEnv()) == null) {
      throw new IllegalArgumentException(
          "the environment variable " + s.apiKeyEnv() + " (--llmApiKeyEnv) holds no API key; set it, or give --llmApiKeyFile");
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

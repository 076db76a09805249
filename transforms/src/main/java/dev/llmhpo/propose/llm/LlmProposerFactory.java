package dev.llmhpo.propose.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.cache.ResponseCache;
import dev.llmhpo.propose.llm.endpoint.ApiKeyReader;
import dev.llmhpo.propose.llm.endpoint.ChatEndpoint;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.prompt.PromptBuilder;
import dev.llmhpo.propose.llm.text.SecretRedactor;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.util.Objects;
import java.util.Set;

/**
 * Serialisable recipe for {@link LlmProposer} ({@code llm}) and {@link LlmTpeProposer} ({@code llm-tpe}). The chat
 * model, and the API key it needs, are only made in {@link #create()}, on the worker; replay needs neither.
 */
public final class LlmProposerFactory implements ProposerFactory {
  private static final long serialVersionUID = 1L;
  private static final Set<String> NAMES = Set.of(LlmProposer.NAME, LlmTpeProposer.NAME);

  private final String proposerName;
  private final LlmSettings settings;
  private final TpeSettings tpe;

  /** {@code proposerName} is {@code llm} or {@code llm-tpe}; a TPE fallback with its defaults. */
  public LlmProposerFactory(String proposerName, LlmSettings settings) {
    this(proposerName, settings, TpeSettings.DEFAULTS);
  }

  /** {@code proposerName} is {@code llm} or {@code llm-tpe}; {@code tpe} configures a TPE fallback and half. */
  public LlmProposerFactory(String proposerName, LlmSettings settings, TpeSettings tpe) {
    if (!handles(proposerName)) {
      throw new IllegalArgumentException("not an LLM proposer: " + proposerName + "; known: " + NAMES);
    }
    this.proposerName = proposerName;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tpe = Objects.requireNonNull(tpe, "tpe");
  }

  /** Whether {@code proposerName} names a proposer this factory makes. */
  public static boolean handles(String proposerName) {
    return NAMES.contains(proposerName);
  }

  @Override
  public Proposer create() {
    ResponseCache cache = ResponseCache.from(settings.cache());
    ChatModel model = null;
    SecretRedactor redactor = SecretRedactor.of(null);
    if (cache.mode() != CacheMode.REPLAY) {
      String apiKey = ApiKeyReader.read(settings.endpoint());
      model = ChatModelFactory.create(settings.endpoint(), apiKey);
      redactor = SecretRedactor.of(apiKey);
    }
    ChatEndpoint endpoint = new ChatEndpoint(model, settings.endpoint(), settings.retry(), cache, redactor);
    LlmProposer llm = new LlmProposer(
        new PromptBuilder(settings.prompt()), endpoint, settings.answer(), new TpeProposer(tpe), redactor);
    return proposerName.equals(LlmTpeProposer.NAME)
        ? new LlmTpeProposer(llm, new TpeProposer(tpe), settings.llmShare())
        : llm;
  }

  @Override
  public String toString() {
    return "LlmProposerFactory{" + proposerName + ", " + settings + "}";
  }
}

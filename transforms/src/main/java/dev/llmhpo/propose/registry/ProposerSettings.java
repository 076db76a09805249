package dev.llmhpo.propose.registry;

import dev.llmhpo.propose.llm.LlmSettings;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.ChatModelSource;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the built-in proposers are built from, on the worker.
 *
 * @param tpe how TPE samples, on its own and inside the LLM proposers
 * @param llm the LLM proposers' settings; null when the study's proposer asks no chat model
 * @param chatModels where the LLM proposers get their chat model
 */
public record ProposerSettings(TpeSettings tpe, LlmSettings llm, ChatModelSource chatModels)
    implements Serializable {
  public ProposerSettings {
    Objects.requireNonNull(tpe, "tpe");
    Objects.requireNonNull(chatModels, "chatModels");
  }

  /** Settings whose chat models LangChain4j builds for the configured provider. */
  public static ProposerSettings of(TpeSettings tpe, LlmSettings llm) {
    return new ProposerSettings(tpe, llm, ChatModelFactory::create);
  }
}

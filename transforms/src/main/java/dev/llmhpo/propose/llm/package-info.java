/**
 * The LLM proposers: {@link dev.llmhpo.propose.llm.LlmProposer} ({@code llm}) asks a chat model for each round's
 * configurations; {@link dev.llmhpo.propose.llm.LlmTpeProposer} ({@code llm-tpe}) splits each batch between the
 * chat model and TPE. Both are made on the worker by the serialisable
 * {@link dev.llmhpo.propose.llm.LlmProposerFactory} from {@link dev.llmhpo.propose.llm.LlmSettings}.
 *
 * <p>One round: {@code PromptBuilder} writes the prompt from scratch (data card, model card, space, budget, history
 * with the best trial last); {@code ChatEndpoint} asks through the {@code ResponseCache} and a bounded retry loop
 * ({@code RetryPolicy}, honouring Retry-After via {@code RetryAfterHttpClient}); {@code OutputParser} reads the
 * answer tolerantly; {@code ConfigGuard} checks each configuration against the search space; one repair request
 * lists what was wrong; the fallback proposer fills the rest. The API key lives only on the worker, inside the
 * LangChain4j client and {@code SecretRedactor}.
 */
package dev.llmhpo.propose.llm;

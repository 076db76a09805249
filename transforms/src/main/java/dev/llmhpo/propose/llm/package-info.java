/**
 * The LLM proposers: {@link dev.llmhpo.propose.llm.LlmProposer} ({@code llm}) asks a chat model for each round's
 * configurations; {@link dev.llmhpo.propose.llm.LlmTpeProposer} ({@code llm-tpe}) splits each batch between the
 * chat model and TPE. Both are built on the worker from {@link dev.llmhpo.propose.llm.LlmSettings} and a
 * {@link dev.llmhpo.propose.llm.endpoint.ChatModelSource}, which hands them a LangChain4j {@code ChatModel}.
 *
 * <p>One round: {@code prompt.PromptBuilder} writes the prompt from scratch (data card, model card, space, budget,
 * history with the best trial last); {@code endpoint.ChatEndpoint} asks through the {@code cache.ResponseCache} and a
 * retry loop bounded in count ({@code RetryPolicy}) and by the round's {@code RoundDeadline}, each request on its
 * own thread ({@code BoundedChat}) over {@code RetryAfterHttpClient}, which honours Retry-After and caps each whole
 * request; {@code guard.OutputParser} reads the answer tolerantly; {@code guard.ConfigGuard} checks each
 * configuration against the search space and the taken ones; one repair request lists what was wrong; the fallback
 * proposer fills the rest.
 * {@code text} makes untrusted text safe to quote. The API key lives only on the worker, inside the LangChain4j
 * client and {@code text.SecretRedactor}.
 */
package dev.llmhpo.propose.llm;

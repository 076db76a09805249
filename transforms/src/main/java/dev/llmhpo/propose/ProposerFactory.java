package dev.llmhpo.propose;

import java.io.Serializable;

/**
 * Serialisable recipe for a {@link Proposer}: DoFns hold the factory and build the proposer in {@code @Setup},
 * because proposers (an LLM chat client, for one) need not be serialisable.
 */
@FunctionalInterface
public interface ProposerFactory extends Serializable {
  Proposer create();
}

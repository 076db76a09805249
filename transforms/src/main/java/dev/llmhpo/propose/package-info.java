/**
 * The proposer contract: a {@link dev.llmhpo.propose.Proposer} answers a
 * {@link dev.llmhpo.propose.ProposalRequest} (objective, space, history, pending configurations, budget, seed, data
 * card) with a {@link dev.llmhpo.propose.Proposal} (configurations, what they cost and concluded, named counts);
 * {@link dev.llmhpo.propose.ProposalBatch} keeps a batch distinct from the taken configurations, and a
 * {@link dev.llmhpo.propose.ProposerFactory} is the serialisable recipe the workers build a proposer from. The
 * families live in subpackages ({@code random}, {@code tpe}, {@code llm}), the built-in ones are listed in
 * {@code registry.Proposers}. No Beam here: {@code dev.llmhpo.study.ProposeTrials} is the transform that calls a
 * proposer each round.
 */
package dev.llmhpo.propose;

package dev.llmhpo.propose;

import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.util.List;

/**
 * What a proposer gets each round.
 *
 * @param spec the study
 * @param space the study's search space
 * @param history every result so far (COMPLETE and FAILED), sorted by trial id
 * @param n how many configurations to return
 * @param round the 0-based round the configurations are for
 * @param seed the seed for this round; the same request and seed give the same answer
 * @param dataCardJson the data card as JSON (rows, columns, types, missing shares, class balance)
 */
public record ProposalRequest(
    StudySpec spec,
    SearchSpace space,
    List<TrialResult> history,
    int n,
    int round,
    long seed,
    String dataCardJson) {}

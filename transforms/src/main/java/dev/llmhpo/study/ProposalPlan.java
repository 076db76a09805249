package dev.llmhpo.study;

import dev.llmhpo.propose.Objective;
import dev.llmhpo.propose.TrialBudget;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import java.io.Serializable;
import java.util.List;

/**
 * What a study's proposing step needs in every round: the study id its trials carry, the objective, the space, the
 * batch size, the seed each round's seed derives from, the budget, the data card and the configurations queued
 * before the proposer's.
 *
 * @param budget the study's budget before any result; each round sets the trials used so far
 * @param queue configurations trained first, after the baseline ({@code --enqueue}, the start-up portfolio)
 */
public record ProposalPlan(
    String studyId,
    Objective objective,
    List<SearchParam> space,
    int trialsPerRound,
    long seed,
    TrialBudget budget,
    String dataCardJson,
    TrialQueue queue)
    implements Serializable {
  public ProposalPlan {
    space = List.copyOf(space);
  }

  /** @param plannedTrials trials the whole study plans through the end of this run, earlier runs included */
  public static ProposalPlan of(StudySpec spec, int plannedTrials, String dataCardJson, TrialQueue queue) {
    return new ProposalPlan(
        spec.getStudyId(),
        Objective.of(spec),
        spec.getSpace(),
        spec.getTrialsPerRound(),
        spec.getSeed(),
        TrialBudget.of(spec, plannedTrials, 0),
        dataCardJson,
        queue);
  }

  /** The seed of the round that follows {@code roundsDone} rounds: the same plan and round give the same batch. */
  long roundSeed(int roundsDone) {
    return seed * 1_000_003L + roundsDone;
  }
}

package dev.llmhpo.propose;

import dev.llmhpo.schema.StudySpec;

/**
 * What a study may still spend, as one round sees it.
 *
 * @param runRounds rounds this run adds
 * @param trialsPerRound trials each round trains
 * @param maxBoostRounds boosting rounds a trial may train
 * @param earlyStoppingRounds rounds without improvement that stop a trial's training (0: off)
 */
public record TrialBudget(int runRounds, int trialsPerRound, int maxBoostRounds, int earlyStoppingRounds) {
  public static TrialBudget of(StudySpec spec) {
    return new TrialBudget(
        spec.getRounds(), spec.getTrialsPerRound(), spec.getMaxBoostRounds(), spec.getEarlyStoppingRounds());
  }
}

package dev.llmhpo.propose;

import dev.llmhpo.schema.StudySpec;
import java.io.Serializable;

/**
 * The study's budget as one round sees it.
 *
 * @param plannedTrials trials the whole study plans through the end of this run, earlier runs included
 * @param usedTrials trials of the study with a result so far, earlier runs included
 * @param runRounds rounds this run adds
 * @param trialsPerRound trials each round trains
 * @param maxBoostRounds boosting rounds a trial may train
 * @param earlyStoppingRounds rounds without improvement that stop a trial's training (0: off)
 */
public record TrialBudget(
    int plannedTrials, int usedTrials, int runRounds, int trialsPerRound, int maxBoostRounds,
    int earlyStoppingRounds)
    implements Serializable {
  public static TrialBudget of(StudySpec spec, int plannedTrials, int usedTrials) {
    return new TrialBudget(plannedTrials, usedTrials, spec.getRounds(), spec.getTrialsPerRound(),
        spec.getMaxBoostRounds(), spec.getEarlyStoppingRounds());
  }

  /** The same budget with {@code used} trials used. */
  public TrialBudget withUsed(int used) {
    return new TrialBudget(plannedTrials, used, runRounds, trialsPerRound, maxBoostRounds, earlyStoppingRounds);
  }

  /** Trials still planned once {@code batch} more are proposed; 0 when the plan is spent. */
  public int leftAfter(int batch) {
    return Math.max(0, plannedTrials - usedTrials - batch);
  }
}

package dev.llmhpo.train;

import dev.llmhpo.data.StudyData;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import java.io.Serializable;
import java.util.List;

/**
 * How a study's trials train: the data every worker loads, the space that turns a configuration into XGBoost
 * parameters, each trial's budget, and each worker slot's device.
 */
public record TrialTraining(StudyData data, List<SearchParam> space, TrainBudget budget, SlotDevices devices)
    implements Serializable {
  public TrialTraining {
    space = List.copyOf(space);
  }

  /** @param slotKeys the worker slots' keys in slot order, as the proposing step uses them */
  public static TrialTraining of(StudySpec spec, List<Integer> slotKeys) {
    TrainBudget budget =
        new TrainBudget(
            spec.getMaxBoostRounds(),
            spec.getEarlyStoppingRounds(),
            Metrics.byName(spec.getTask(), spec.getMetric()),
            spec.getThreadsPerTrial(),
            spec.getDevice(),
            spec.getSeed());
    return new TrialTraining(
        StudyData.of(spec),
        spec.getSpace(),
        budget,
        new SlotDevices(spec.getDevice(), slotKeys, spec.getTrialsPerGpu(), spec.getGpus()));
  }

  /** The budget of a trial trained on the slot with key {@code slotKey}. */
  public TrainBudget budgetFor(int slotKey) {
    return budget.onDevice(devices.deviceFor(slotKey));
  }
}

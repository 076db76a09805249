package dev.llmhpo.train;

import java.io.Serializable;
import java.util.List;

/**
 * The XGBoost device of each worker slot. On the CPU every slot trains on {@code cpu}; with {@code cuda} the slots
 * fill one GPU after the other, {@code trialsPerGpu} slots to a GPU, so that many trials share each GPU.
 *
 * @param device the study's resolved device: cpu, cuda or cuda:N (a fixed ordinal is kept for every slot)
 * @param slotKeys the worker slots' keys, in slot order
 * @param trialsPerGpu trials that train at once on one GPU
 * @param gpus GPUs visible to the workers
 */
public record SlotDevices(String device, List<Integer> slotKeys, int trialsPerGpu, int gpus) implements Serializable {
  public SlotDevices {
    slotKeys = List.copyOf(slotKeys);
    if (trialsPerGpu < 1) {
      throw new IllegalArgumentException("--trialsPerGpu must be at least 1, got " + trialsPerGpu);
    }
  }

  /** The device for the slot with key {@code slotKey}. */
  public String deviceFor(int slotKey) {
    if (!device.equals("cuda") || gpus <= 1) {
      return device;
    }
    int slot = Math.max(0, slotKeys.indexOf(slotKey));
    return "cuda:" + (slot / trialsPerGpu) % gpus;
  }
}

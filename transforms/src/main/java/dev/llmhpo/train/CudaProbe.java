package dev.llmhpo.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start-up that XGBoost4J can train on a CUDA device, with one boosting round on a one-row matrix.
 *
 * <p>Asked for {@code device=cuda}, XGBoost quietly trains on the CPU when its native library was built without
 * CUDA or sees no GPU; it only prints a native warning. The probe therefore names the GPU tree updater
 * ({@code grow_gpu_hist}) itself: a library without CUDA does not know it, and a CUDA library without a GPU
 * refuses it ("Must have at least one device"), both as an {@link XGBoostError}. Either way the study falls back
 * to the CPU with one warning.
 */
public final class CudaProbe {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private static final Pattern DEVICE = Pattern.compile("cpu|cuda(:\\d+)?");

  private CudaProbe() {}

  /**
   * The device trials will train on: {@code cpu} as asked; {@code cuda} or {@code cuda:N} when the probe trains
   * on it, else {@code cpu} after one warning.
   *
   * @throws IllegalArgumentException for a device name XGBoost does not take here
   */
  public static String resolve(String device) {
    String requested = device == null ? "cpu" : device.trim().toLowerCase();
    if (!DEVICE.matcher(requested).matches()) {
      throw new IllegalArgumentException("--device=" + device + " is not known; use cpu, cuda or cuda:<ordinal>");
    }
    if (requested.equals("cpu")) {
      return requested;
    }
    String failure = failure(requested);
    if (failure == null) {
      return requested;
    }
    LOG.warn(
        "--device={}: this XGBoost4J cannot train on CUDA here ({}); training on the CPU instead. The CUDA build"
            + " of the jar comes from `mvn -Pgpu package` and needs an NVIDIA GPU (compute capability 7.5 or newer)"
            + " with its driver.",
        requested,
        failure);
    return "cpu";
  }

  /** Why one round of GPU training on {@code device} fails, or null when it works. */
  static String failure(String device) {
    DMatrix row = null;
    Booster booster = null;
    try {
      row = new DMatrix(new float[] {1f}, 1, 1, Float.NaN);
      row.setLabel(new float[] {1f});
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("verbosity", 0);
      params.put("objective", "binary:logistic");
      params.put("tree_method", "hist");
      params.put("device", device);
      params.put("updater", "grow_gpu_hist");
      params.put("nthread", 1);
      booster = XGBoost.train(row, params, 1, Map.of(), null, null);
      return null;
    } catch (XGBoostError | RuntimeException | LinkageError e) {
      return firstLine(e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (row != null) {
        row.dispose();
      }
    }
  }

  /** XGBoost's messages carry a native stack trace after the first line. */
  private static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse(message);
    return line.replaceFirst("^\\[[0-9:]+\\] ", "");
  }
}

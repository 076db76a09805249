package dev.llmhpo.bench;

import dev.llmhpo.train.CudaProbe;
import dev.llmhpo.train.VisibleGpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's GPU speed-up: the scale scenario's study at each {@code --rows}, depth 8 as in the plain XGBoost4J
 * reference, once on every CPU core (one trial at a time) and once on the GPU ({@code --trialsPerGpu} trials at
 * a time on each visible GPU). Skipped, with the probe's warning, where CUDA cannot train.
 */
final class GpuScenario {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  static final Map<String, Object> CONFIG = Map.of("max_depth", 8L);

  private final BenchOptions options;
  private final ScaleScenario scale;

  GpuScenario(BenchOptions options, ScaleScenario scale) {
    this.options = options;
    this.scale = scale;
  }

  record Row(int rows, int features, int boostRounds, int cpuThreads, double cpuTrialSeconds, double gpuTrialSeconds, double speedUp) {}

  /** The rows measured; empty when this machine cannot train on CUDA. */
  List<Row> run() {
    String device = options.getDevice().startsWith("cuda") ? options.getDevice() : "cuda";
    if (CudaProbe.resolve(device).equals("cpu")) {
      LOG.warn("gpu: skipped, CUDA cannot train here (see the warning above)");
      return List.of();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int gpuParallelism = Math.max(1, VisibleGpus.count()) * Math.max(1, options.getTrialsPerGpu());
    List<Row> rows = new ArrayList<>();
    for (int n : BenchLists.positiveInts("--rows", options.getRows())) {
      ScaleScenario.Row cpu = scale.measure(n, "cpu", 1, cores, CONFIG);
      ScaleScenario.Row gpu = scale.measure(n, device, gpuParallelism, 1, CONFIG);
      rows.add(
          new Row(
              n,
              options.getFeatures(),
              options.getScaleBoostRounds(),
              cores,
              cpu.trialSeconds(),
              gpu.trialSeconds(),
              cpu.trialSeconds() / gpu.trialSeconds()));
    }
    return rows;
  }
}

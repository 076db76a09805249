package dev.llmhpo.train;

import java.io.File;
import java.util.Arrays;

/** How many NVIDIA GPUs this process may use: {@code CUDA_VISIBLE_DEVICES} when set, else the driver's list. */
public final class VisibleGpus {
  private VisibleGpus() {}

  public static int count() {
    return count(System.getenv("CUDA_VISIBLE_DEVICES"), new File("/proc/driver/nvidia/gpus"));
  }

  static int count(String cudaVisibleDevices, File driverGpus) {
    if (cudaVisibleDevices != null) {
      // CUDA stops at the first invalid entry, such as -1.
      int n = 0;
      for (String id : cudaVisibleDevices.split(",")) {
        if (id.isBlank() || id.strip().startsWith("-")) {
          break;
        }
        n++;
      }
      return n;
    }
    String[] gpus = driverGpus.list();
    return gpus == null ? 0 : (int) Arrays.stream(gpus).filter(name -> !name.startsWith(".")).count();
  }
}

package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/**
 * The start-up CUDA probe. Where no GPU is visible (CI, and the CPU build anywhere) asking for CUDA must end on the
 * CPU with one warning; this holds for the CPU jar and for the CUDA jar of {@code -Pgpu} alike.
 */
public class CudaProbeTest {
  @Test
  public void cpuNeedsNoProbe() {
    assertThat(CudaProbe.resolve("cpu"), equalTo("cpu"));
    assertThat(CudaProbe.resolve(" CPU "), equalTo("cpu"));
  }

  @Test
  public void unknownDevicesAreRejectedNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CudaProbe.resolve("tpu"));
    assertThat(e.getMessage(), containsString("--device=tpu"));
    assertThrows(IllegalArgumentException.class, () -> CudaProbe.resolve("cuda:x"));
  }

  @Test
  public void withoutAGpuCudaFallsBackToTheCpuWithOneWarning() {
    assumeTrue("a GPU is visible here", VisibleGpus.count() == 0);
    assertThat(CudaProbe.failure("cuda"), notNullValue());
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String device;
    try {
      device = CudaProbe.resolve("cuda:0");
    } finally {
      System.setErr(original);
    }
    assertThat(device, equalTo("cpu"));
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log, containsString("--device=cuda:0: this XGBoost4J cannot train on CUDA here"));
    assertThat(log.split("cannot train on CUDA", -1).length - 1, equalTo(1));
  }
}

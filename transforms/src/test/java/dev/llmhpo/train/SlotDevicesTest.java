package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class SlotDevicesTest {
  private static final List<Integer> KEYS = List.of(7, 3, 12, 5);

  private static List<String> devices(SlotDevices slots) {
    return KEYS.stream().map(slots::deviceFor).toList();
  }

  @Test
  public void cpuSlotsAllTrainOnTheCpu() {
    assertThat(devices(new SlotDevices("cpu", KEYS, 1, 0)), everyItem(equalTo("cpu")));
  }

  @Test
  public void slotsFillOneGpuAfterTheOther() {
    assertThat(devices(new SlotDevices("cuda", KEYS, 2, 2)), contains("cuda:0", "cuda:0", "cuda:1", "cuda:1"));
    assertThat(devices(new SlotDevices("cuda", KEYS, 1, 2)), contains("cuda:0", "cuda:1", "cuda:0", "cuda:1"));
  }

  @Test
  public void oneGpuOrAFixedOrdinalIsKept() {
    assertThat(devices(new SlotDevices("cuda", KEYS, 4, 1)), everyItem(equalTo("cuda")));
    assertThat(devices(new SlotDevices("cuda:1", KEYS, 1, 2)), everyItem(equalTo("cuda:1")));
  }

  @Test
  public void trialsPerGpuMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SlotDevices("cuda", KEYS, 0, 1));
    assertThat(e.getMessage(), containsString("--trialsPerGpu"));
  }
}

package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class VisibleGpusTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void cudaVisibleDevicesWins() throws Exception {
    File driver = driverListing(3);
    assertThat(VisibleGpus.count("0,1", driver), equalTo(2));
    assertThat(VisibleGpus.count("GPU-8a1b,GPU-77c2", driver), equalTo(2));
    assertThat(VisibleGpus.count("", driver), equalTo(0));
    assertThat(VisibleGpus.count("-1", driver), equalTo(0));
    assertThat(VisibleGpus.count("0,-1,1", driver), equalTo(1));
  }

  @Test
  public void otherwiseTheDriversListCounts() throws Exception {
    assertThat(VisibleGpus.count(null, driverListing(2)), equalTo(2));
    assertThat(VisibleGpus.count(null, new File(tmp.getRoot(), "no-driver")), equalTo(0));
  }

  private File driverListing(int gpus) throws Exception {
    File dir = tmp.newFolder();
    for (int i = 0; i < gpus; i++) {
      new File(dir, "0000:0" + i + ":00.0").mkdir();
    }
    return dir;
  }
}

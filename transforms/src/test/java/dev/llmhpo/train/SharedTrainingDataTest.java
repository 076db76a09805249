package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.data.StudyData;
import dev.llmhpo.schema.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SharedTrainingDataTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private DataSource source;
  private final AtomicInteger loaderCalls = new AtomicInteger();
  private Supplier<PreparedData> loader;
  private SharedTrainingData.Key key;

  @Before
  public void writeTable() throws Exception {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) {
      double x = random.nextGaussian();
      csv.append(x).append(',').append(x + random.nextGaussian() > 0 ? "yes" : "no").append('\n');
    }
    Path file = tmp.getRoot().toPath().resolve("table.csv");
    Files.writeString(file, csv);
    source = DataSource.newBuilder().setTrainPath(file.toString()).setTarget("y").build();
    key = new SharedTrainingData.Key(source, 0.2, 1, SharedTrainingData.FileStamp.of(source));
    loader =
        () -> {
          loaderCalls.incrementAndGet();
          return PreparedData.load(source, null, 0.2, 1);
        };
  }

  @Test
  public void leasesOnTheSameDataLoadItOnce() {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMinutes(1));
    try (SharedTrainingData.Lease first = shared.lease(key, loader);
        SharedTrainingData.Lease second = shared.lease(key, loader)) {
      assertThat(second.data(), sameInstance(first.data()));
    }
    assertThat(loaderCalls.get(), equalTo(1));
    assertThat(shared.loads(), equalTo(1L));
  }

  @Test
  public void dataOutlivesItsLastLeaseForTheIdleTimeThenGoes() throws Exception {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMillis(300));
    shared.lease(key, loader).close();
    shared.lease(key, loader).close(); // the next round's instance, within the idle time
    assertThat(loaderCalls.get(), equalTo(1));
    long deadline = System.currentTimeMillis() + 10_000;
    while (shared.heldDataSets() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(shared.heldDataSets(), equalTo(0));
    shared.lease(key, loader).close();
    assertThat(loaderCalls.get(), equalTo(2));
  }

  @Test
  public void anEditedFileIsReadAgain() throws Exception {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMinutes(1));
    try (SharedTrainingData.Lease before = shared.lease(new StudyData(source, null, 0.2, 1))) {
      Path file = Path.of(source.getTrainPath());
      Files.writeString(file, Files.readString(file) + "0.5,yes\n");
      try (SharedTrainingData.Lease after = shared.lease(new StudyData(source, null, 0.2, 1))) {
        assertThat(after.data(), not(sameInstance(before.data())));
        assertThat(after.data().fullTrain().rows(), equalTo(before.data().fullTrain().rows() + 1));
      }
    }
    assertThat(shared.loads(), equalTo(2L));
  }

  @Test
  public void dropIdleKeepsLeasedData() {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMinutes(1));
    SharedTrainingData.Lease held = shared.lease(key, loader);
    shared.lease(new SharedTrainingData.Key(source, 0.3, 1, key.files()), () -> PreparedData.load(source, null, 0.3, 1))
        .close();
    assertThat(shared.heldDataSets(), equalTo(2));
    shared.dropIdle();
    assertThat(shared.heldDataSets(), equalTo(1));
    held.close();
    shared.dropIdle();
    assertThat(shared.heldDataSets(), equalTo(0));
  }

  @Test
  public void trainersArePooledOnePerConcurrentUser() {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMinutes(1));
    try (SharedTrainingData.Lease lease = shared.lease(key, loader)) {
      XgbTrainer first = lease.borrow();
      XgbTrainer second = lease.borrow();
      assertThat(second, not(sameInstance(first)));
      lease.giveBack(first);
      assertThat(lease.borrow(), sameInstance(first));
      lease.giveBack(first);
      lease.giveBack(second);
    }
    shared.dropIdle(); // closes the pooled trainers' native matrices
  }

  @Test
  public void aFailedLoadIsRetriedByTheNextLease() {
    SharedTrainingData shared = new SharedTrainingData(Duration.ofMinutes(1));
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> shared.lease(key, () -> {
              throw new IllegalStateException("disk gone");
            }));
    assertThat(failure.getMessage(), equalTo("disk gone"));
    try (SharedTrainingData.Lease lease = shared.lease(key, loader)) {
      assertThat(lease.data().train().rows() > 0, equalTo(true));
    }
    assertThat(shared.loads(), equalTo(1L));
  }
}

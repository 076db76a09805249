package dev.llmhpo.train;

import dev.llmhpo.data.PreparedData;
import dev.llmhpo.data.StudyData;
import dev.llmhpo.schema.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * A JVM's study data, loaded once and shared: by every instance of the study's training step, by its final-model
 * step and, on embedded Flink, by the launcher that checked the data before the job.
 *
 * <p>Flink makes new DoFn instances for every round of a study (each round is its own transform), so data loaded
 * per instance would be loaded once per round and worker. Here each user takes a {@link Lease}; the first lease on
 * a data set loads it, later ones reuse it. Trainers (each with its own native matrices, as XGBoost matrices are
 * unsafe for concurrent training) are pooled: a lease borrows one per bundle of trials, so a JVM holds at most as
 * many as trials it trains at once. When the last lease closes the data stays for {@code idle} more, so that the
 * next round's instances find it, then is dropped and its trainers closed.
 */
public final class SharedTrainingData {
  private static final SharedTrainingData JVM = new SharedTrainingData(Duration.ofSeconds(60));

  private final Duration idle;
  private final Map<Key, Entry> entries = new HashMap<>();
  private final AtomicLong loads = new AtomicLong();
  private final DoubleAdder loadSeconds = new DoubleAdder();
  private ScheduledExecutorService evictions;

  SharedTrainingData(Duration idle) {
    this.idle = idle;
  }

  /** The one instance of this JVM. */
  public static SharedTrainingData jvm() {
    return JVM;
  }

  /**
   * A lease on the study's data, read and split as {@link PreparedData#load} does (a null task is detected from
   * the target), loading it when this JVM does not hold it yet. The task is not part of the key: the launcher
   * loads with the task still to detect, its workers with the detected one, and both must share a copy.
   */
  public Lease lease(StudyData data) {
    DataSource source = data.source();
    return lease(new Key(source, data.validationFraction(), data.splitSeed(), FileStamp.of(source)), data::load);
  }

  Lease lease(Key key, Supplier<PreparedData> loader) {
    Entry entry;
    synchronized (entries) {
      entry = entries.computeIfAbsent(key, k -> new Entry());
      entry.leases++;
      entry.cancelEviction();
    }
    try {
      double seconds = entry.loadIfAbsent(loader);
      if (seconds > 0) {
        loads.incrementAndGet();
        loadSeconds.add(seconds);
      }
      return new Lease(key, entry);
    } catch (RuntimeException e) {
      release(key, entry);
      throw e;
    }
  }

  /** Data loads in this JVM so far. */
  public long loads() {
    return loads.get();
  }

  /** Seconds this JVM has spent loading data so far. */
  public double loadSeconds() {
    return loadSeconds.sum();
  }

  /** Drops, now, every data set no one holds a lease on, as if its idle time had passed. */
  public void dropIdle() {
    List<Entry> dropped = new ArrayList<>();
    synchronized (entries) {
      entries.values().removeIf(
          entry -> {
            if (entry.leases > 0) {
              return false;
            }
            entry.cancelEviction();
            dropped.add(entry);
            return true;
          });
    }
    dropped.forEach(Entry::closeTrainers);
  }

  /** How many data sets this JVM holds now. */
  int heldDataSets() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private void release(Key key, Entry entry) {
    synchronized (entries) {
      entry.leases--;
      if (entry.leases == 0) {
        entry.eviction = evictions().schedule(() -> evictIfIdle(key, entry), idle.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void evictIfIdle(Key key, Entry entry) {
    synchronized (entries) {
      if (entry.leases > 0 || entries.get(key) != entry) {
        return;
      }
      entries.remove(key);
    }
    entry.closeTrainers();
  }

  private ScheduledExecutorService evictions() {
    if (evictions == null) {
      evictions =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "llm-hpo-data-eviction");
                thread.setDaemon(true);
                return thread;
              });
    }
    return evictions;
  }

  /** Which data: the files (as they are now, so an edited file is read again), the split. */
  record Key(DataSource source, double validationFraction, long splitSeed, FileStamp files) {}

  /** Size and modification time of the source's files; a missing file stamps as -1 and fails in the load. */
  record FileStamp(long trainSize, long trainModified, long testSize, long testModified) {
    static FileStamp of(DataSource source) {
      long[] train = stamp(source.getTrainPath());
      long[] test = source.getTestPath() == null ? new long[] {0, 0} : stamp(source.getTestPath());
      return new FileStamp(train[0], train[1], test[0], test[1]);
    }

    private static long[] stamp(String path) {
      try {
        Path file = Path.of(path);
        return new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()};
      } catch (IOException | RuntimeException e) {
        return new long[] {-1, -1};
      }
    }
  }

  private static final class Entry {
    private int leases; // guarded by the entries map
    private ScheduledFuture<?> eviction; // guarded by the entries map
    private PreparedData data;
    private final Deque<XgbTrainer> idleTrainers = new ArrayDeque<>();

    /** Loads the data unless held; returns the seconds loading took, 0 when it was held. */
    synchronized double loadIfAbsent(Supplier<PreparedData> loader) {
      if (data != null) {
        return 0;
      }
      long start = System.nanoTime();
      data = loader.get();
      return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    synchronized PreparedData data() {
      return data;
    }

    synchronized XgbTrainer borrow() {
      XgbTrainer trainer = idleTrainers.poll();
      return trainer != null ? trainer : new XgbTrainer(LearningTask.of(data.encoding()), data.train(), data.validation());
    }

    synchronized void giveBack(XgbTrainer trainer) {
      idleTrainers.push(trainer);
    }

    synchronized void closeTrainers() {
      idleTrainers.forEach(XgbTrainer::close);
      idleTrainers.clear();
      data = null;
    }

    void cancelEviction() {
      if (eviction != null) {
        eviction.cancel(false);
        eviction = null;
      }
    }
  }

  /** One user's hold on the data; close it when done ({@code @Teardown} for a DoFn). */
  public final class Lease implements AutoCloseable {
    private final Key key;
    private final Entry entry;
    private boolean closed;

    private Lease(Key key, Entry entry) {
      this.key = key;
      this.entry = entry;
    }

    /** The data, read and encoded; callers must not modify its arrays. */
    public PreparedData data() {
      return entry.data();
    }

    /** A trainer on the data's train and validation parts for this thread's use only, until {@link #giveBack}. */
    public XgbTrainer borrow() {
      return entry.borrow();
    }

    public void giveBack(XgbTrainer trainer) {
      entry.giveBack(trainer);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release(key, entry);
      }
    }
  }
}

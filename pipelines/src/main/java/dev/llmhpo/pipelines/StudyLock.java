package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock a study run holds on its output folder for its whole run ({@code OUTPUT/.lock}), so that two
 * launchers on one {@code --output} (a cron overlap, a rerun by hand) never overwrite each other's rounds.
 *
 * <p>How a holder is recognised, and a stale lock told apart:
 *
 * <ul>
 *   <li>The holder keeps an operating-system lock on the file ({@link FileChannel#tryLock}). The kernel drops it
 *       when the process dies, SIGKILL included, so on one machine a lock that can be taken is never held.
 *   <li>The file names the holder (pid, host, start) and its heartbeat, rewritten every {@value #HEARTBEAT_SECONDS}
 *       s. A shared file system may not pass operating-system locks between machines, so a lock written by another
 *       host counts as held until its heartbeat is {@value #STALE_SECONDS} s old.
 *   <li>On a cluster the job outlives its launcher: the file names the job ({@code llm-hpo-<study>}) and its
 *       JobManager, and a lock whose launcher is gone still holds while the JobManager lists that job as running.
 * </ul>
 *
 * A run that finds the lock held exits 2 at once, naming the holder. A lock that is stale is taken over and said so.
 */
final class StudyLock implements AutoCloseable {
  static final String NAME = ".lock";
  private static final int HEARTBEAT_SECONDS = 10;
  private static final int STALE_SECONDS = 3 * HEARTBEAT_SECONDS;
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a study's job runs, when it runs on a cluster: what a later run asks whether the job still runs. */
  record ClusterJob(String restAddress, String jobName) {}

  /** Thrown when another run holds the study; the message names it. */
  static final class HeldException extends IllegalArgumentException {
    HeldException(String message) {
      super(message);
    }
  }

  private final Path file;
  private final boolean createdFolder;
  private final FileChannel channel;
  private final FileLock lock;
  private final ObjectNode holder;
  private final ScheduledExecutorService heartbeat;

  private StudyLock(Path file, boolean createdFolder, FileChannel channel, FileLock lock, ObjectNode holder) {
    this.file = file;
    this.createdFolder = createdFolder;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "llm-hpo-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Takes the lock on {@code output}, creating the folder; {@link HeldException} naming the holder if another run
   * has it.
   *
   * @param job the cluster and job name when the study runs on a cluster, else null
   */
  static StudyLock acquire(Path output, ClusterJob job, FlinkJobs jobs) {
    Path file = output.resolve(NAME);
    FileChannel channel = null;
    try {
      boolean created = !Files.isDirectory(output);
      Files.createDirectories(output);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      Optional<JsonNode> previous = read(channel);
      if (lock == null) {
        throw new HeldException(held(output, previous, "it holds the lock"));
      }
      if (previous.isPresent()) {
        String why = stillHeld(previous.get(), jobs);
        if (why != null) {
          lock.release();
          throw new HeldException(held(output, previous, why));
        }
        LOG.warn("{}: took over the stale lock of {}", output, describe(previous.get()));
      }
      ObjectNode holder = JSON.createObjectNode();
      holder.put("pid", ProcessHandle.current().pid());
      holder.put("host", host());
      holder.put("startedAt", Instant.now().toString());
      if (job != null) {
        holder.put("jobManager", job.restAddress());
        holder.put("jobName", job.jobName());
      }
      StudyLock taken = new StudyLock(file, created, channel, lock, holder);
      taken.beat();
      return taken;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IllegalArgumentException("--output=" + output + ": cannot take the study's lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very JVM
    }
  }

  /** Why a lock whose operating-system lock is free still holds, or null when it is stale. */
  private static String stillHeld(JsonNode previous, FlinkJobs jobs) {
    String host = previous.path("host").asText();
    Duration sinceBeat = Duration.between(Instant.parse(previous.path("heartbeatAt").asText(Instant.EPOCH.toString())), Instant.now());
    if (!host.equals(host()) && sinceBeat.toSeconds() < STALE_SECONDS) {
      return "its heartbeat is " + sinceBeat.toSeconds() + " s old";
    }
    if (previous.hasNonNull("jobName")) {
      String jobManager = previous.path("jobManager").asText();
      Optional<String> running = jobs.runningJobId(jobManager, previous.path("jobName").asText());
      if (running.isPresent()) {
        return "its job " + previous.path("jobName").asText() + " (" + running.get() + ") still runs on " + jobManager
            + "; cancel it (curl -X PATCH 'http://" + jobManager + "/jobs/" + running.get() + "?mode=cancel') or let it finish";
      }
    }
    return null;
  }

  private static String held(Path output, Optional<JsonNode> holder, String why) {
    return "--output=" + output + " is in use by another run of this study: "
        + holder.map(StudyLock::describe).orElse("a process that has just taken it") + "; " + why
        + " (" + output.resolve(NAME) + "). Wait for it to end, or stop it; nothing was changed.";
  }

  private static String describe(JsonNode holder) {
    return "pid " + holder.path("pid").asText() + " on " + holder.path("host").asText() + ", started "
        + holder.path("startedAt").asText() + ", last heartbeat " + holder.path("heartbeatAt").asText();
  }

  private static Optional<JsonNode> read(FileChannel channel) throws IOException {
    if (channel.size() == 0) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
    channel.read(bytes, 0);
    try {
      return Optional.of(JSON.readTree(new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty(); // a lock file cut short by a crash names no one
    }
  }

  /** Rewrites the holder with a fresh heartbeat, in place. */
  private synchronized void beat() {
    holder.put("heartbeatAt", Instant.now().toString());
    try {
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(holder);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(bytes), 0);
      channel.force(false);
    } catch (IOException e) {
      LOG.warn("could not renew the study's lock {}: {}", file, e.getMessage());
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  /** Releases the lock and removes the file, and the folder when this run created it and left nothing in it. */
  @Override
  public synchronized void close() {
    heartbeat.shutdownNow();
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
      if (createdFolder) {
        try (var left = Files.list(file.getParent())) {
          if (left.findAny().isEmpty()) {
            Files.delete(file.getParent());
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("could not release the study's lock {}: {}", file, e.getMessage());
    }
  }
}

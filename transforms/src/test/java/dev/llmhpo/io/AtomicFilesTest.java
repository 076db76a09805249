package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Atomic output files and the trial log that is built on them. */
public class AtomicFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
    Path target = tmp.getRoot().toPath().resolve("summary.json");
    AtomicFiles.writeString(target, "old");

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half".getBytes());
                      throw new IllegalStateException("disk full");
                    }));

    assertThat(e.getMessage(), containsString("summary.json"));
    assertThat(Files.readString(target), equalTo("old"));
    try (Stream<Path> files = Files.list(tmp.getRoot().toPath())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList(), contains("summary.json"));
    }
  }

  @Test
  public void filesAreReadableByTheGroupLikeAnyFileTheProcessCreates() throws Exception {
    Path plain = Files.writeString(tmp.getRoot().toPath().resolve("plain"), "x");
    Path atomic = tmp.getRoot().toPath().resolve("atomic");
    AtomicFiles.writeString(atomic, "x");

    assertThat(Files.getPosixFilePermissions(atomic), equalTo(Files.getPosixFilePermissions(plain)));
    assertThat(Files.getPosixFilePermissions(atomic), hasItem(PosixFilePermission.OWNER_READ));
  }

  @Test
  public void theTrialLogReadsWholeRoundsAndIgnoresTemporaryFilesOfACrashedWriter() throws Exception {
    Path output = tmp.getRoot().toPath();
    TrialLog log = new TrialLog(output);
    assertThat(log.readAll(), empty());
    log.writeRound(0, List.of(result(0, 0), result(1, 0)));
    log.writeRound(1, List.of(result(2, 1)));
    // What a writer killed mid-write leaves behind: a dot-named temporary file with half a round in it.
    Files.write(log.dir().resolve(".round-00002.avro.3f2a.tmp"), new byte[] {'O', 'b', 'j', 1, 0});

    assertThat(log.readAll().stream().map(r -> r.getTrial().getTrialId()).toList(), contains(0, 1, 2));

    log.writeRound(1, List.of(result(2, 1))); // a rerun round replaces its file
    assertThat(log.readAll().stream().map(r -> r.getTrial().getTrialId()).toList(), contains(0, 1, 2));
  }

  private static TrialResult result(int id, int round) {
    Trial trial =
        Trial.newBuilder()
            .setStudyId("s")
            .setTrialId(id)
            .setRound(round)
            .setParams(Map.of("eta", 0.1))
            .setProposer("random")
            .build();
    return TrialResult.newBuilder().setTrial(trial).setStatus(TrialStatus.COMPLETE).setValue(0.3).build();
  }
}

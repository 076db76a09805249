package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Any one byte of a round file changed (its lowest or its highest bit), anywhere in it, is found and named. */
public class RoundFileFlipTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyChangedByteIsDetected() throws Exception {
    TrialLog log = new TrialLog(tmp.getRoot().toPath());
    log.writeRound(2, TrialLogDamageTest.results(2, 8, 2));
    Path file = log.dir().resolve("round-00002.avro");
    byte[] original = Files.readAllBytes(file);

    List<String> missed = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (int at = 0; at < original.length; at++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] changed = original.clone();
        changed[at] ^= (byte) mask;
        Files.write(file, changed);
        RoundCheck check = RoundReader.check(file);
        if (!check.damaged() || check.line().contains("\n")) {
          missed.add("byte " + at + " ^ " + mask + ": " + check.line());
        }
        found.add(check.line());
      }
    }

    assertThat(missed, empty());
    for (String kind : List.of("checksum mismatch", "a damaged header", "a damaged block", "not an Avro file")) {
      assertThat(found, hasItem(containsString(kind)));
    }
    assertThat(found.get(found.size() - 1), startsWith(file + ": damaged: "));
  }
}

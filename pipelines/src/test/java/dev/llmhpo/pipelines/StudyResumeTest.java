package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** How a run on an existing --output continues its study: the round budget, --resume, the settings it must keep. */
public class StudyResumeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void roundsAreWhatThisRunAddsCappedByMaxRounds() {
    assertThat(Study.roundsToRun(2, 0, 40), equalTo(2)); // no cap
    assertThat(Study.roundsToRun(2, 10, 0), equalTo(2));
    assertThat(Study.roundsToRun(2, 10, 9), equalTo(1)); // only what is left
    assertThat(Study.roundsToRun(2, 10, 10), equalTo(0)); // at the cap
    assertThat(Study.roundsToRun(2, 10, 12), equalTo(0)); // a cap lowered below what was done
  }

  @Test
  public void aStudyAtItsCapStopsBeforeReadingAnyData() throws Exception {
    Path out = tmp.newFolder("capped").toPath();
    logRounds(out, 3, 2);
    // The training file does not even exist: the cap is checked first.
    TuneOptions options = StudyFixtures.options(out, "--train=" + out.resolve("gone.csv"), "--target=y", "--rounds=2", "--maxRounds=3");

    Study.AtCapException e = assertThrows(Study.AtCapException.class, () -> StudyFixtures.prepare(options, 1));
    assertThat(e.getMessage(), containsString("has 3 rounds, its cap (--maxRounds=3)"));
    assertThat(
        TuneCommand.main(new String[] {"--train=" + out.resolve("gone.csv"), "--target=y", "--maxRounds=3", "--output=" + out}),
        equalTo(0));
  }

  @Test
  public void resumeInsistsOnAnExistingStudy() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    Path empty = tmp.newFolder("typo").toPath();
    String[] args = {"--train=" + csv, "--target=label", "--resume", "--output=" + empty};

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StudyFixtures.prepare(TuneCommand.parse(args), 1));
    assertThat(e.getMessage(), startsWith("--resume: " + empty));
    assertThat(TuneCommand.main(args), equalTo(2));
  }

  @Test
  public void aContinuedStudyStartsFromItsLogAndKeepsItsSettings() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    Path out = tmp.newFolder("study").toPath();
    Study first = StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label"), 1);
    assertThat(first.startHistory().getRoundsDone(), equalTo(0));
    logRounds(out, 2, 3);

    Study again = StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label", "--resume", "--rounds=4", "--maxRounds=5"), 1);
    assertThat(again.startHistory().getRoundsDone(), equalTo(2));
    assertThat(again.startHistory().getResults().size(), equalTo(6));
    assertThat(again.spec().getRounds(), equalTo(3));

    for (String changed : List.of("--metric=auc", "--seed=7", "--validationFraction=0.3", "--studyId=other", "--positiveClass=no")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label", changed), 1));
      assertThat(e.getMessage(), startsWith(changed.substring(0, changed.indexOf('=')) + " differs from the study in " + out));
    }
    Path space = Files.writeString(tmp.getRoot().toPath().resolve("space.json"), "{\"params\": [{\"name\": \"max_depth\", \"type\": \"int\", \"low\": 2, \"high\": 6}]}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label", "--space=" + space), 1));
    assertThat(e.getMessage(), startsWith("--space differs"));
    // What may change between runs does not stop it.
    StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label", "--proposer=random", "--trialsPerRound=2", "--maxBoostRounds=9"), 1);
  }

  @Test
  public void aContinuationOnOtherDataStopsNamingTheFileUnlessAllowed() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.newFolder("first").toPath(), 300);
    Path other = StudyFixtures.tinyCsv(tmp.newFolder("other").toPath(), 120);
    Path out = tmp.newFolder("study").toPath();
    StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + csv, "--target=label"), 1);
    logRounds(out, 2, 2);
    String card = Files.readString(out.resolve("data-card.json"));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + other, "--target=label"), 1));
    assertThat(e.getMessage(), startsWith("--train=" + other + " holds other data"));
    assertThat(e.getMessage(), containsString("--allowDataChange"));
    assertThat(Files.readString(out.resolve("data-card.json")), equalTo(card)); // nothing rewritten

    // The same bytes under another path are the same data.
    Path copy = Files.copy(csv, tmp.newFolder("copy").toPath().resolve("tiny.csv"));
    StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + copy, "--target=label"), 1);

    Study changed =
        StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + other, "--target=label", "--allowDataChange"), 1);
    assertThat(changed.startHistory().getResults().size(), equalTo(4));
    assertThat(changed.spec().getDataChanges().size(), equalTo(1));
    assertThat(changed.spec().getDataChanges().get(0).getFromRound(), equalTo(2));
    assertThat(changed.spec().getDataChanges().get(0).getPrevious().getTrain().getPath(), equalTo(copy.toString()));
    // Later runs on the new data keep the record of the change.
    Study later = StudyFixtures.prepare(StudyFixtures.options(out, "--train=" + other, "--target=label"), 1);
    assertThat(later.spec().getDataChanges(), equalTo(changed.spec().getDataChanges()));
  }

  @Test
  public void aCopiedOrRenamedStudyFolderKeepsItsStudyId() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    Path original = tmp.newFolder("nightly").toPath();
    StudyFixtures.prepare(StudyFixtures.options(original, "--train=" + csv, "--target=label"), 1);
    logRounds(original, 1, 2);
    Path copy = tmp.getRoot().toPath().resolve("nightly-copy");
    Files.move(original, copy);

    Study again = StudyFixtures.prepare(StudyFixtures.options(copy, "--train=" + csv, "--target=label", "--resume"), 1);
    assertThat(again.spec().getStudyId(), equalTo("nightly"));
    assertThat(again.startHistory().getRoundsDone(), equalTo(1));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StudyFixtures.prepare(StudyFixtures.options(copy, "--train=" + csv, "--target=label", "--studyId=nightly-copy"), 1));
    assertThat(e.getMessage(), startsWith("--studyId differs from the study in " + copy + " (this run: nightly-copy, the study: nightly)"));
  }

  @Test
  public void theTrialsCommandCountsEveryLoggedTrialAndFlagsDuplicates() throws Exception {
    Path out = tmp.newFolder("log").toPath();
    logRounds(out, 2, 2);
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    assertThat(TrialsCommand.main(new String[] {"--output=" + out}, new java.io.PrintStream(printed, true)), equalTo(0));
    assertThat(printed.toString(), containsString("4 trials in 2 rounds: 4 COMPLETE; trial ids 0..3, each once"));

    List<TrialResult> withCopy = new ArrayList<>(new TrialLog(out).readAll());
    withCopy.add(withCopy.get(1));
    withCopy.remove(2);
    assertThat(TrialsCommand.closingLine(withCopy), containsString("trial ids logged more than once: [1], missing: [2]"));
    assertThat(TrialsCommand.main(new String[] {"--output=" + tmp.newFolder("none")}, System.out), equalTo(2));
  }

  /** A trial log of {@code rounds} rounds of {@code perRound} trials, ids dense from 0. */
  private static void logRounds(Path out, int rounds, int perRound) {
    TrialLog log = new TrialLog(out);
    for (int round = 0, id = 0; round < rounds; round++) {
      List<TrialResult> results = new ArrayList<>();
      for (int i = 0; i < perRound; i++, id++) {
        Trial trial =
            Trial.newBuilder()
                .setStudyId(out.getFileName().toString())
                .setTrialId(id)
                .setRound(round)
                .setParams(Map.of("max_depth", 3L))
                .setProposer("random")
                .build();
        results.add(TrialResult.newBuilder().setTrial(trial).setStatus(TrialStatus.COMPLETE).setValue(0.5).build());
      }
      log.writeRound(round, results);
    }
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --trials=N}: the run's budget in trials as whole rounds, capped by --maxRounds as {@code --rounds} is. */
public class TrialsOptionTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void trialsBecomeTheWholeRoundsThatHoldThem() {
    assertThat(Study.roundsAsked(8, 5, 4), equalTo(2));
    assertThat(Study.roundsAsked(10, 5, 4), equalTo(3)); // the last round is full: 12 trials
    assertThat(Study.roundsAsked(1, 5, 4), equalTo(1));
    assertThat(Study.roundsAsked(7, 5, 1), equalTo(7));
    assertThat(Study.roundsAsked(null, 5, 4), equalTo(5)); // no --trials: --rounds
  }

  @Test
  public void aStudyPlansTheRoundsItsTrialsNeedUpToTheCap() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 100);
    String[] data = {"--train=" + csv, "--target=label", "--trialsPerRound=2"};

    Study byTrials =
        StudyFixtures.prepare(StudyFixtures.options(tmp.newFolder("trials").toPath(), concat(data, "--trials=5")), 1);
    assertThat(byTrials.spec().getRounds(), equalTo(3));
    Study capped =
        StudyFixtures.prepare(
            StudyFixtures.options(tmp.newFolder("capped").toPath(), concat(data, "--trials=9", "--maxRounds=2")), 1);
    assertThat(capped.spec().getRounds(), equalTo(2));
  }

  @Test
  public void theCommandLinesTrialsReplaceTheStudyFilesRounds() throws Exception {
    Path yaml = tmp.getRoot().toPath().resolve("study.yaml");
    Files.writeString(yaml, "dataset: adult\nrounds: 10\n");

    TuneOptions trials = TuneCommand.parse(new String[] {"--study=" + yaml, "--trials=6"});
    assertThat(trials.getTrials(), equalTo(6));
    assertThat(trials.getRounds(), equalTo(5)); // --rounds' default, unused with --trials

    Files.writeString(yaml, "dataset: adult\ntrials: 12\n");
    TuneOptions rounds = TuneCommand.parse(new String[] {"--study=" + yaml, "--rounds=2"});
    assertThat(rounds.getTrials(), nullValue());
    assertThat(rounds.getRounds(), equalTo(2));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

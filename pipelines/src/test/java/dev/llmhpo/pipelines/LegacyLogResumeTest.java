package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A study logged by the code before the study-package redesign (commit fd812c6, the fixture in
 * {@code src/test/resources/legacy-study}) resumes on embedded Flink: its trials are kept as they were, ids
 * continue, and the summary counts every trial.
 */
public class LegacyLogResumeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aStudyLoggedBeforeTheRedesignResumes() throws Exception {
    Path legacy = copyFixture(tmp.getRoot().toPath().resolve("legacy-study"));
    Path out = legacy.resolve("study");
    List<TrialResult> logged = StudyFixtures.trialLog(out);
    // What fd812c6 wrote, read by today's code: 2 rounds of 2, XGBoost's defaults first (its summary said
    // "best trial 0 validation logloss=0.52950").
    assertThat(ids(logged), equalTo(List.of(0, 1, 2, 3)));
    assertThat(logged.stream().map(r -> r.getTrial().getRound()).toList(), equalTo(List.of(0, 0, 1, 1)));
    assertThat(logged.stream().map(TrialResult::getStatus).toList(), everyItem(equalTo(TrialStatus.COMPLETE)));
    assertThat(logged.get(0).getTrial().getProposer(), equalTo("default"));
    assertThat(logged.get(0).getValue(), equalTo(0.529500773177361));
    assertThat(trialsListing(out), containsString("4 trials in 2 rounds: 4 COMPLETE; trial ids 0..3, each once"));

    TuneOptions options =
        StudyFixtures.options(
            out,
            "--resume",
            "--studyId=legacy",
            "--train=" + legacy.resolve("legacy.csv"),
            "--target=label",
            "--rounds=1",
            "--trialsPerRound=2",
            "--maxBoostRounds=5",
            "--proposer=random",
            "--parallelism=2");
    assertThat(TuneCommand.run(options, Pipeline.create(options)), equalTo(PipelineResult.State.DONE));

    List<TrialResult> after = StudyFixtures.trialLog(out);
    assertThat(after.subList(0, 4), equalTo(logged)); // params, values, workers, times: untouched
    assertThat(ids(after), equalTo(List.of(0, 1, 2, 3, 4, 5)));
    for (TrialResult added : after.subList(4, 6)) {
      assertThat(added.getTrial().getRound(), equalTo(2));
      assertThat(added.getTrial().getStudyId(), equalTo("legacy"));
      assertThat(added.getStatus(), equalTo(TrialStatus.COMPLETE));
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("study").asText(), equalTo("legacy"));
    assertThat(summary.get("rounds").asInt(), equalTo(3));
    assertThat(summary.at("/trials/total").asInt(), equalTo(6));
    assertThat(summary.at("/trials/completed").asInt(), equalTo(6));
    assertThat(summary.at("/trials/failed").asInt(), equalTo(0));
    assertThat(trialsListing(out), containsString("6 trials in 3 rounds: 6 COMPLETE; trial ids 0..5, each once"));
  }

  /** {@code trials --output=DIR}'s output; fails unless it exits 0. */
  private static String trialsListing(Path out) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    assertThat(TrialsCommand.main(new String[] {"--output=" + out}, new PrintStream(printed, true)), equalTo(0));
    return printed.toString();
  }

  private static List<Integer> ids(List<TrialResult> results) {
    return results.stream().map(r -> r.getTrial().getTrialId()).toList();
  }

  /** The fixture folder copied to {@code target}, so that the run writes into a copy. */
  private static Path copyFixture(Path target) throws Exception {
    Path fixture = Path.of(LegacyLogResumeTest.class.getResource("/legacy-study").toURI());
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(fixture.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }
}

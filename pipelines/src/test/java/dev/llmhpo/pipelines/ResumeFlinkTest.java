package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Scheduled re-tuning on embedded Flink: the same command run again adds its rounds to the study, up to a cap. */
public class ResumeFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void eachRunAddsItsRoundsUntilTheCap() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Path out = tmp.newFolder("nightly").toPath();
    String[] nightly = {
      "--train=" + csv, "--target=label", "--rounds=2", "--trialsPerRound=3", "--maxRounds=5", "--maxBoostRounds=5",
      "--proposer=random", "--parallelism=2", "--output=" + out
    };

    assertThat(TuneCommand.main(nightly), equalTo(0));
    List<TrialResult> afterOne = StudyFixtures.trialLog(out);
    assertThat(TuneCommand.main(nightly), equalTo(0));

    // Two runs of 2 rounds: 4 rounds, 12 distinct trials, ids continuing; the first run's trials untouched.
    List<TrialResult> afterTwo = StudyFixtures.trialLog(out);
    assertThat(afterTwo.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 12).boxed().toList()));
    assertThat(roundsOf(afterTwo), equalTo(Map.of(0, 3L, 1, 3L, 2, 3L, 3, 3L)));
    assertThat(afterTwo.subList(0, 6), equalTo(afterOne));
    assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/trials/total").asInt(), equalTo(12));

    // The third run would pass --maxRounds=5: it runs the one round left. The fourth has nothing to do.
    assertThat(TuneCommand.main(nightly), equalTo(0));
    assertThat(roundsOf(StudyFixtures.trialLog(out)).keySet().stream().max(Integer::compare).orElseThrow(), equalTo(4));
    assertThat(TuneCommand.main(nightly), equalTo(0));
    assertThat(StudyFixtures.trialLog(out).size(), equalTo(15));
  }

  private static Map<Integer, Long> roundsOf(List<TrialResult> trials) {
    return trials.stream().collect(Collectors.groupingBy(r -> r.getTrial().getRound(), Collectors.counting()));
  }
}

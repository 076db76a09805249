package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import dev.llmhpo.space.XgboostPortfolio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Warm starts on embedded Flink: --enqueue's configurations, then --startup=portfolio's, train first after the
 * baseline, once per study.
 */
public class WarmStartFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String[] study(Path csv, Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--train=" + csv, "--target=label", "--trialsPerRound=2",
        "--maxBoostRounds=5", "--earlyStoppingRounds=2", "--proposer=random", "--parallelism=2", "--output=" + out));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static List<Trial> trials(Path out) {
    return StudyFixtures.trialLog(out).stream().map(TrialResult::getTrial).toList();
  }

  @Test
  public void enqueuedConfigurationsAreTrialsOneAndTwoAndAResumeDoesNotTrainThemAgain() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Path out = tmp.newFolder("enqueued").toPath();
    Path warm = tmp.getRoot().toPath().resolve("warm.yaml");
    Files.writeString(warm, "- {eta: 0.05, max_depth: 4}\n- {eta: 0.1, subsample: 0.8}\n");

    assertThat(TuneCommand.main(study(csv, out, "--rounds=2", "--enqueue=" + warm)), equalTo(0));

    List<Trial> trials = trials(out);
    assertThat(trials.stream().map(Trial::getProposer).toList(), equalTo(List.of("default", "enqueued", "enqueued", "random")));
    assertThat(trials.stream().map(Trial::getRound).toList(), equalTo(List.of(0, 0, 1, 1)));
    assertThat(trials.get(1).getParams().get("eta"), equalTo(0.05));
    assertThat(trials.get(1).getParams().get("max_depth"), equalTo(4L));
    assertThat(trials.get(1).getParams().get("subsample"), equalTo(1.0)); // filled from the defaults
    assertThat(trials.get(2).getParams().get("subsample"), equalTo(0.8));
    assertThat(trials.get(2).getRationale(), equalTo("--enqueue=warm.yaml, entry 2"));
    assertThat(StudyFixtures.trialLog(out).stream().allMatch(r -> r.getStatus() == TrialStatus.COMPLETE), equalTo(true));
    assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/trials/byProposer/enqueued").asInt(),
        equalTo(2));

    // The nightly command again, --enqueue and all: what the log holds is not trained again.
    assertThat(TuneCommand.main(study(csv, out, "--rounds=1", "--enqueue=" + warm)), equalTo(0));
    assertThat(trials(out).stream().map(Trial::getProposer).toList().subList(4, 6), equalTo(List.of("random", "random")));
  }

  @Test
  public void aPortfolioStudyTrainsThePortfolioRightAfterTheBaselineThenItsProposer() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Path out = tmp.newFolder("portfolio").toPath();
    Path warm = tmp.getRoot().toPath().resolve("warm.json");
    Files.writeString(warm, "[{\"max_depth\": 3}]");

    assertThat(TuneCommand.main(study(csv, out, "--rounds=4", "--startup=portfolio", "--enqueue=" + warm)), equalTo(0));

    List<Trial> trials = trials(out);
    assertThat(trials.stream().map(Trial::getProposer).toList(), equalTo(List.of(
        "default", "enqueued", "portfolio", "portfolio", "portfolio", "portfolio", "portfolio", "random")));
    List<XgboostPortfolio.Config> portfolio = XgboostPortfolio.in(SearchSpace.xgboostDefault());
    for (int i = 0; i < 5; i++) {
      assertThat(trials.get(2 + i).getParams(), equalTo(portfolio.get(i).params()));
    }
    assertThat(trials.get(2).getRationale(), equalTo("start-up portfolio: " + portfolio.get(0).source()));
  }

  @Test
  public void aBadEnqueueFileStopsBeforeAnyTrainingNamingTheEntryAndKey() throws Exception {
    Path csv = StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300);
    Path out = tmp.newFolder("refused").toPath();
    Path warm = tmp.getRoot().toPath().resolve("warm.json");
    Files.writeString(warm, "[{\"eta\": 0.05}, {\"gama\": 0.1}]");

    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = TuneCommand.main(study(csv, out, "--rounds=1", "--enqueue=" + warm));
    } finally {
      System.setErr(err);
    }
    assertThat(code, equalTo(2));
    String message = captured.toString(StandardCharsets.UTF_8);
    assertThat(message, containsString("error: --enqueue=" + warm + ": entry 2: gama: not a parameter of the search space"
        + " (did you mean gamma?)"));
    assertThat(message, not(containsString("\tat ")));
    assertThat(Files.exists(out.resolve("trials")), equalTo(false));
  }
}

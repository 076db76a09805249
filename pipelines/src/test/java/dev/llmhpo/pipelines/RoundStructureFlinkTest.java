package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** The round structure on embedded Flink: how trials spread, what history each round sees, how far it scales. */
public class RoundStructureFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  // Generous: guards against the planner's exponential blow-up (2^rounds), not a speed target.
  @Rule public Timeout timeout = Timeout.seconds(600);

  private Study study(Path out, Path csv, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--train=" + csv, "--target=label", "--maxBoostRounds=5", "--earlyStoppingRounds=2", "--parallelism=2"));
    args.addAll(List.of(extra));
    TuneOptions options = StudyFixtures.options(out, args.toArray(String[]::new));
    return StudyFixtures.prepare(options, 2);
  }

  private static PipelineResult.State run(Study study, String registry, boolean invalid, Path out) {
    TuneOptions options = StudyFixtures.options(out, "--parallelism=2");
    Pipeline pipeline = Pipeline.create(options);
    Study recorded =
        new Study(
            study.spec(), study.startHistory(), RecordingProposer.factory(registry, invalid), study.dataCardJson(), study.output(),
            study.queue());
    TunePipeline.build(pipeline, recorded, FlinkSlotKeys.forParallelism(2));
    return pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRoundsTrialsSpreadEvenlyOverTheWorkers() throws Exception {
    Path out = tmp.newFolder("spread").toPath();
    Study study = study(out, StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 400), "--rounds=1", "--trialsPerRound=8");
    assertThat(run(study, "spread", false, out), equalTo(PipelineResult.State.DONE));

    Map<String, Long> perWorker =
        StudyFixtures.trialLog(out).stream().collect(Collectors.groupingBy(TrialResult::getWorker, TreeMap::new, Collectors.counting()));
    assertThat(perWorker.toString(), List.copyOf(perWorker.values()), equalTo(List.of(4L, 4L)));
  }

  @Test
  public void eachRoundIsProposedFromEveryEarlierResult() throws Exception {
    Path out = tmp.newFolder("causal").toPath();
    Study study = study(out, StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300), "--rounds=4", "--trialsPerRound=3");
    assertThat(run(study, "causal", false, out), equalTo(PipelineResult.State.DONE));

    List<RecordingProposer.Call> calls = RecordingProposer.calls("causal");
    assertThat(calls, hasSize(4));
    List<TrialResult> log = StudyFixtures.trialLog(out);
    for (RecordingProposer.Call call : calls) {
      List<Integer> earlier =
          log.stream().filter(r -> r.getTrial().getRound() < call.round()).map(r -> r.getTrial().getTrialId()).sorted().toList();
      assertThat("round " + call.round(), call.finishedTrialIds(), equalTo(earlier));
      assertThat(call.pendingTrialIds(), empty());
    }
    assertThat(log, hasSize(12));
  }

  @Test
  public void aFailingTrialIsRecordedAndTheStudyGoesOn() throws Exception {
    Path out = tmp.newFolder("failing").toPath();
    Path space = tmp.getRoot().toPath().resolve("space.json");
    java.nio.file.Files.writeString(
        space,
        "{\"params\": [{\"name\": \"max_depth\", \"type\": \"int\", \"low\": 2, \"high\": 6},"
            + " {\"name\": \"grow_policy\", \"type\": \"categorical\", \"choices\": [\"depthwise\", \"nonsense\"]}]}");
    Study study =
        study(out, StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 300), "--rounds=2", "--trialsPerRound=3", "--space=" + space);
    assertThat(run(study, "failing", true, out), equalTo(PipelineResult.State.DONE));

    List<TrialResult> log = StudyFixtures.trialLog(out);
    List<TrialResult> failed = log.stream().filter(r -> r.getStatus() == TrialStatus.FAILED).toList();
    // round 0: the default config, then one invalid of two proposed; round 1: one invalid of three
    assertThat(failed, hasSize(2));
    for (TrialResult r : failed) {
      assertThat(r.getError(), containsString("XGBoostError"));
      assertThat(r.getValue(), equalTo(null));
    }
    assertThat(log.stream().filter(r -> r.getStatus() == TrialStatus.COMPLETE).toList(), hasSize(4));
    assertThat(
        log.stream().filter(r -> r.getStatus() == TrialStatus.COMPLETE).map(TrialResult::getValue).toList(),
        everyItem(notNullValue()));
  }

  @Test
  public void fiftyRoundsPlanAndRunAsOneJob() throws Exception {
    Path out = tmp.newFolder("many").toPath();
    Study study = study(out, StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 200), "--rounds=50", "--trialsPerRound=1");
    assertThat(run(study, "many", false, out), equalTo(PipelineResult.State.DONE));

    List<TrialResult> log = StudyFixtures.trialLog(out);
    assertThat(log.stream().map(r -> r.getTrial().getTrialId()).toList(), equalTo(IntStream.range(0, 50).boxed().toList()));
    assertThat(log.get(49).getTrial().getRound(), equalTo(49));
  }
}

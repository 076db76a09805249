package dev.llmhpo.bench;

import dev.llmhpo.bench.TimedStudy.StudyRun;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.data.PreparedData;
import dev.llmhpo.history.BestTrial;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.train.FinalFit;
import dev.llmhpo.train.FinalModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast proposers find good configurations: for each proposer and seed, one study of {@code --trials} trials on
 * the same validation split (seed {@code --seed}; the proposers and XGBoost take seeds 1..{@code --seeds}), then the
 * best-so-far validation value by trial, and the test scores of the best configuration after 20 trials and at the
 * end, retrained as the study's final model is.
 */
final class EfficiencyScenario {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  static final int EARLY_CHECKPOINT = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};

  private final BenchOptions options;
  private final StudyOptions studies;
  private final boolean trialsPerRoundGiven;

  EfficiencyScenario(BenchOptions options, StudyOptions studies, boolean trialsPerRoundGiven) {
    this.options = options;
    this.studies = studies;
    this.trialsPerRoundGiven = trialsPerRoundGiven;
  }

  /**
   * One study.
   *
   * @param values the validation value of trial i (NaN when it failed)
   * @param secondsDone seconds from the run's start until trials 0..i had all finished
   * @param test test metrics of the best of the first n trials, by n
   */
  record Run(
      String proposer,
      long seed,
      double[] values,
      double[] secondsDone,
      Map<Integer, Map<String, Double>> test,
      double wallSeconds) {}

  /** Every run, plus the study's metric and direction. */
  record Result(String metric, boolean higherIsBetter, int trials, int trialsPerRound, List<Run> runs) {}

  Result run() throws Exception {
    List<String> proposers = BenchLists.names("--proposers", options.getProposers());
    BenchLists.checkPositive("--seeds", options.getSeeds());
    int trials = options.getTrials() == null ? BenchOptions.DEFAULT_TRIALS : options.getTrials();
    List<Run> runs = new ArrayList<>();
    PreparedData data = null;
    StudySpec spec = null;
    int trialsPerRound = 0;
    for (String proposer : proposers) {
      for (long seed = 1; seed <= options.getSeeds(); seed++) {
        BenchOptions study =
            studies.study("efficiency/" + proposer + "-seed" + seed, TuneCommand.parallelism(options));
        trialsPerRound = trialsPerRoundGiven ? options.getTrialsPerRound() : TuneCommand.parallelism(options);
        study.setProposer(proposer);
        study.setSplitSeed(options.getSplitSeed() != null ? options.getSplitSeed() : options.getSeed());
        study.setSeed(seed);
        study.setTrialsPerRound(trialsPerRound);
        study.setRounds((trials + trialsPerRound - 1) / trialsPerRound);
        StudyRun run = TimedStudy.run(study, null);
        if (run.state() != PipelineResult.State.DONE) {
          throw new IllegalStateException("the efficiency study in " + run.output() + " ended " + run.state());
        }
        spec = run.spec();
        if (data == null) {
          data = PreparedData.load(spec.getDataSource(), spec.getTask(), spec.getValidationFraction(), spec.getSplitSeed());
        }
        runs.add(measure(proposer, seed, run, data, trials));
        LOG.info("efficiency: {} seed {} done in {} s", proposer, seed, String.format("%.1f", run.wallSeconds()));
      }
    }
    return new Result(spec.getMetric(), spec.getDirection() == Direction.MAXIMIZE, trials, trialsPerRound, runs);
  }

  private static Run measure(String proposer, long seed, StudyRun run, PreparedData data, int trials)
      throws Exception {
    List<TrialResult> log = new ArrayList<>(new TrialLog(run.output()).readAll());
    log.sort(Comparator.comparingInt(r -> r.getTrial().getTrialId()));
    List<TrialResult> first = log.subList(0, Math.min(trials, log.size()));
    double[] values = new double[first.size()];
    double[] secondsDone = new double[first.size()];
    long lastFinished = run.startedAtMillis();
    for (int i = 0; i < first.size(); i++) {
      TrialResult r = first.get(i);
      values[i] = r.getStatus() == TrialStatus.COMPLETE && r.getValue() != null ? r.getValue() : Double.NaN;
      lastFinished = Math.max(lastFinished, r.getFinishedAtMillis());
      secondsDone[i] = (lastFinished - run.startedAtMillis()) / 1000.0;
    }
    // The study's summary already holds its final model's test scores; retrain only other best trials.
    Map<Integer, Map<String, Double>> byTrial = new LinkedHashMap<>();
    JsonNode summary = JSON.readTree(run.output().resolve("summary.json").toFile());
    if (summary.at("/best/trialId").isInt() && summary.get("test").isObject()) {
      byTrial.put(summary.at("/best/trialId").asInt(), JSON.convertValue(summary.get("test"), METRICS));
    }
    Map<Integer, Map<String, Double>> test = new LinkedHashMap<>();
    for (int n : new int[] {EARLY_CHECKPOINT, first.size()}) {
      if (n <= first.size() && !test.containsKey(n)) {
        TrialResult best = BestTrial.of(first.subList(0, n), run.spec().getDirection()).orElse(null);
        if (best != null) {
          int id = best.getTrial().getTrialId();
          if (!byTrial.containsKey(id)) {
            byTrial.put(
                id,
                ShortLivedThread.call("llm-hpo-bench-final-model", () -> FinalModel.testMetrics(FinalFit.of(run.spec()), data, best)));
          }
          test.put(n, byTrial.get(id));
        }
      }
    }
    return new Run(proposer, seed, Arrays.copyOf(values, values.length), secondsDone, test, run.wallSeconds());
  }
}

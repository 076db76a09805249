package dev.llmhpo.report;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;

import dev.llmhpo.history.Histories;
import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.io.StudySummary;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.schema.Trial;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An output folder written as a study would leave it, without training anything: a regression study minimising
 * {@code rmse} (also logging {@code mae}), whose rmse is driven by eta; LLM rounds with analyses and token counts,
 * one failed trial, text with HTML in it.
 */
final class SyntheticStudy {
  static final String ANALYSIS = "Low <b>eta</b> & deep trees do best; try eta < 0.05.";
  static final String ERROR = "ml.dmlc.xgboost4j.java.XGBoostError: Invalid Parameter format for max_depth <bad>";
  static final int ROUNDS = 5;
  static final int PER_ROUND = 4;
  static final int FAILED_TRIAL = 6;

  private SyntheticStudy() {}

  static StudySpec spec() {
    return StudySpec.newBuilder()
        .setStudyId("synthetic")
        .setDataSource(DataSource.newBuilder().setTrainPath("/data/houses.csv").setTestPath("/data/houses-test.csv").setTarget("price").build())
        .setTask(TaskType.REGRESSION)
        .setMetric("rmse")
        .setDirection(Direction.MINIMIZE)
        .setSpace(
            List.of(
                floatParam("eta", 0.005, 0.3, true, 0.3),
                intParam("max_depth", 2, 12, false, 6L),
                floatParam("subsample", 0.5, 1, false, 1.0),
                categorical("grow_policy", List.of("depthwise", "lossguide"), "depthwise")))
        .setRounds(ROUNDS)
        .setTrialsPerRound(PER_ROUND)
        .setSeed(7)
        .setProposer("llm")
        .setStartedAtMillis(1_700_000_000_000L)
        .build();
  }

  /** The trials, by round; rmse = 1 + (ln eta - ln 0.03)^2 / 4 plus a little of everything else. */
  static List<TrialResult> trials() {
    Random random = new Random(11);
    List<TrialResult> out = new ArrayList<>();
    long clock = 1_700_000_005_000L;
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < PER_ROUND; i++) {
        int id = round * PER_ROUND + i;
        double eta = Math.exp(Math.log(0.005) + random.nextDouble() * (Math.log(0.3) - Math.log(0.005)));
        long depth = 2 + random.nextInt(11);
        double subsample = 0.5 + 0.5 * random.nextDouble();
        String policy = random.nextBoolean() ? "depthwise" : "lossguide";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("eta", eta);
        params.put("max_depth", depth);
        params.put("subsample", subsample);
        params.put("grow_policy", policy);
        String proposer = id == 0 ? "default" : round % 2 == 0 ? "tpe" : "llm";
        Trial.Builder trial =
            Trial.newBuilder()
                .setStudyId("synthetic")
                .setTrialId(id)
                .setRound(round)
                .setParams(params)
                .setProposer(proposer)
                .setRationale(proposer.equals("llm") ? "eta near 0.03 <- the history's best region" : null);
        if (i == 0 && proposer.equals("llm")) { // a round's first trial carries the round's proposal info
          trial.setProposal(
              ProposalInfo.newBuilder().setAnalysis(ANALYSIS + " (round " + round + ")").setLlmCalls(2).setPromptTokens(1500)
                  .setCompletionTokens(300).setRepairs(1).setFallbacks(0).setCacheHits(0).build());
        }
        double seconds = 1 + random.nextDouble();
        clock += (long) (seconds * 1000);
        TrialResult.Builder result = TrialResult.newBuilder().setTrial(trial.build()).setTrainSeconds(seconds).setFinishedAtMillis(clock);
        if (id == FAILED_TRIAL) {
          result.setStatus(TrialStatus.FAILED).setError(ERROR);
        } else {
          double rmse = 1 + Math.pow(Math.log(eta) - Math.log(0.03), 2) / 4 + 0.01 * depth + 0.02 * random.nextGaussian();
          result.setStatus(TrialStatus.COMPLETE).setValue(rmse).setMetrics(Map.of("rmse", rmse, "mae", 0.8 * rmse)).setBestIteration(100 + id);
        }
        out.add(result.build());
      }
    }
    return out;
  }

  /** Only what a study writes at its start and as rounds end: study.avro and the trial log. */
  static void writeLogOnly(Path dir, List<TrialResult> trials) {
    StudySpecFile.write(dir, spec());
    TrialLog log = new TrialLog(dir);
    for (int round = 0; round < ROUNDS; round++) {
      final int r = round;
      List<TrialResult> ofRound = trials.stream().filter(t -> t.getTrial().getRound() == r).toList();
      if (!ofRound.isEmpty()) {
        log.writeRound(round, ofRound);
      }
    }
  }

  /** A finished study: also its data card and summary (with test metrics), as the study's WriteSummary step writes it. */
  static void writeFinished(Path dir) {
    List<TrialResult> trials = trials();
    writeLogOnly(dir, trials);
    String card =
        "{\"rows\":500,\"rowsDropped\":0,\"target\":\"price\",\"task\":\"REGRESSION\",\"columns\":["
            + "{\"name\":\"rooms\",\"type\":\"numeric\",\"missingShare\":0.0,\"cardinality\":9,\"min\":1.0,\"mean\":4.2,\"max\":9.0},"
            + "{\"name\":\"town\",\"type\":\"categorical\",\"missingShare\":0.02,\"cardinality\":3,\"topValues\":[{\"value\":\"Leeds\",\"count\":300,\"share\":0.6}]},"
            + "{\"name\":\"price\",\"type\":\"numeric\",\"missingShare\":0.0,\"cardinality\":480,\"min\":50.0,\"mean\":210.5,\"max\":900.0}]}";
    AtomicFiles.writeString(dir.resolve("data-card.json"), card);
    History history = Histories.of("synthetic", ROUNDS, trials, Direction.MINIMIZE);
    String summary = StudySummary.toJson(spec(), history, Map.of("rmse", 1.2345, "mae", 0.9876), dir.resolve("model/model.json").toString(), card);
    AtomicFiles.writeString(dir.resolve("summary.json"), summary);
  }
}

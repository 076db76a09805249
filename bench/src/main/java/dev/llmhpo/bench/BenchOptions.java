package dev.llmhpo.bench;

import dev.llmhpo.pipelines.TuneOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code bench}: tune's options (data, budget, device, Flink), which every study of the benchmark uses,
 * plus the scenarios' own. {@code --output} is where tables, JSON and charts go (default {@code bench-output}).
 */
public interface BenchOptions extends TuneOptions {
  /** Trials per efficiency and suite study unless {@code --trials} (tune's budget in trials) says otherwise. */
  int DEFAULT_TRIALS = 50;

  @Description("Scenarios to run, comma-separated: overhead, efficiency, scale, gpu, suite; 'all' runs overhead, efficiency and scale.")
  @Default.String("all")
  String getScenario();

  void setScenario(String value);

  @Description("overhead: target seconds per trial, comma-separated.")
  @Default.String("0.2,1,5")
  String getTrialSeconds();

  void setTrialSeconds(String value);

  @Description("overhead: parallelisms to measure, comma-separated.")
  @Default.String("1,2")
  String getParallelisms();

  void setParallelisms(String value);

  @Description("overhead: seconds of training each measurement holds: K = this x p / trial seconds trials.")
  @Default.Double(40)
  double getWorkSeconds();

  void setWorkSeconds(double value);

  @Description("overhead: rounds the pipeline splits the K trials into.")
  @Default.Integer(2)
  int getOverheadRounds();

  void setOverheadRounds(int value);

  @Description("overhead: measurements of each cell, pipeline and loop alternating; the table shows medians.")
  @Default.Integer(1)
  int getRepeats();

  void setRepeats(int value);

  @Description("efficiency: proposers to compare, comma-separated (any name --proposer takes).")
  @Default.String("random,tpe")
  String getProposers();

  void setProposers(String value);

  @Description("efficiency: seeds per proposer (1..N); the validation split stays at --splitSeed (default 42). suite: seeds per table and arm, each its own split.")
  @Default.Integer(5)
  int getSeeds();

  void setSeeds(int value);

  @Description("scale and gpu: rows of the synthetic training table, comma-separated; its test table has a quarter as many.")
  @Default.String("100000,1000000")
  String getRows();

  void setRows(String value);

  @Description("scale and gpu: features of the synthetic table.")
  @Default.Integer(50)
  int getFeatures();

  void setFeatures(int value);

  @Description("scale and gpu: boosting rounds of each trial (one fixed configuration, no early stopping).")
  @Default.Integer(100)
  int getScaleBoostRounds();

  void setScaleBoostRounds(int value);

  @Description("scale and gpu: rounds of the study; each round trains one trial per worker.")
  @Default.Integer(2)
  int getScaleRounds();

  void setScaleRounds(int value);

  @Description("suite: YAML (or JSON) suite file with the user's own tables and arms (see README, Benchmark suite).")
  String getSuite();

  void setSuite(String value);

  @Description("suite: folder whose sub-folders hold the tables --tables names.")
  @Default.String("../shared/data")
  String getDataRoot();

  void setDataRoot(String value);

  @Description("suite: tables, comma-separated: folders of --dataRoot, the suite file's tables, generated-wide, generated-1m; 'all' for the suite file's tables, or without one every real table in --dataRoot.")
  @Default.String("all")
  String getTables();

  void setTables(String value);

  @Description("suite: arms, comma-separated: default-only, random, lhs, tpe, tpe+portfolio, llm, llm-tpe, llm-shuffled, or the suite file's.")
  @Default.String("default-only,random,tpe")
  String getArms();

  void setArms(String value);

  @Description("suite: wall-clock budgets in seconds, comma-separated, at which the best validation value is also read.")
  @Default.String("10,30,60")
  String getBudgetSeconds();

  void setBudgetSeconds(String value);
}

package dev.llmhpo.pipelines;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code tune}. Every option is visible in Flink's REST API ({@code /jobs/<id>/config}), so none may
 * ever hold a secret.
 */
public interface TuneOptions extends LlmOptions {
  @Description("Built-in data set to tune on: 'adult' (UCI Adult). Leave empty and give --train for your own CSV.")
  String getDataset();

  void setDataset(String value);

  @Description("Folder holding adult.data.csv and adult.test.csv; without it --dataset=adult downloads UCI's zip once into --cacheDir and checks its SHA-256.")
  String getDataDir();

  void setDataDir(String value);

  @Description("Training file (your own data): CSV with a header row, or Parquet (.parquet) or Avro (.avro).")
  String getTrain();

  void setTrain(String value);

  @Description("Test file with the same columns (CSV, .parquet or .avro); used only to score the final model.")
  String getTest();

  void setTest(String value);

  @Description("Target column of --train (Adult: ltgt50k).")
  String getTarget();

  void setTarget(String value);

  @Description("Label of the positive class for binary targets; default: the last label in sorted order.")
  String getPositiveClass();

  void setPositiveClass(String value);

  @Description("Field delimiter of CSV files: one character, or 'tab'; default: detected from the header line (, ; tab |).")
  String getDelimiter();

  void setDelimiter(String value);

  @Description("Quote character of CSV files.")
  @Default.String("\"")
  String getQuote();

  void setQuote(String value);

  @Description("Decimal mark of numbers in CSV files: . or , (European files: 1,5 with ; between fields).")
  @Default.String(".")
  String getDecimal();

  void setDecimal(String value);

  @Description("Columns of a CSV file read as numbers whatever they hold (comma-separated); a value that is no number becomes missing and is counted in the data card.")
  List<String> getNumeric();

  void setNumeric(List<String> value);

  @Description("Where downloaded data sets are cached (default: ~/.cache/llm-hpo).")
  @Default.InstanceFactory(CacheDirFactory.class)
  String getCacheDir();

  void setCacheDir(String value);

  @Description("Download address of UCI Adult.")
  @Default.String("https://archive.ics.uci.edu/static/public/2/adult.zip")
  String getAdultUrl();

  void setAdultUrl(String value);

  @Description("Output folder: trials/*.avro, model/model.json, summary.json, data-card.json. A folder that already holds a trial log is continued. On a Flink cluster it must be visible at the same path to the launcher and every TaskManager.")
  @Default.String("llm-hpo-output")
  String getOutput();

  void setOutput(String value);

  @Description("Study id recorded in every trial; default: the output folder's name.")
  String getStudyId();

  void setStudyId(String value);

  @Description("Rounds this run adds to the study, so that the same scheduled command adds this many each time.")
  @Default.Integer(5)
  int getRounds();

  void setRounds(int value);

  @Description("The run's budget in trials instead of --rounds, as Optuna's n_trials: this run adds ceil(N / --trialsPerRound) rounds, capped by --maxRounds as --rounds is. Give --trials or --rounds, not both.")
  Integer getTrials();

  void setTrials(Integer value);

  @Description("Cap on the study's total rounds, earlier runs included; 0 = no cap. A run that would pass it runs only what is left; a study at its cap exits 0 without training.")
  @Default.Integer(0)
  int getMaxRounds();

  void setMaxRounds(int value);

  @Description("Continue a study on input files that hold other data than it was started on: the history is kept, the change recorded in study.avro and shown in the report. Without it such a run stops (exit 2) naming the file.")
  @Default.Boolean(false)
  boolean getAllowDataChange();

  void setAllowDataChange(boolean value);

  @Description("Continue the study in --output and fail (exit 2) if it holds no trial log. Without it a folder that holds a trial log is continued too, and an empty one starts a new study.")
  @Default.Boolean(false)
  boolean getResume();

  void setResume(boolean value);

  @Description("Trials proposed, and trained in parallel, per round.")
  @Default.Integer(4)
  int getTrialsPerRound();

  void setTrialsPerRound(int value);

  @Description("Proposer of new configurations, one of those listed at the end of --help: for example tpe, random, llm (an LLM; see the --llm options) or llm-tpe (half LLM, half TPE each round).")
  @Default.String("tpe")
  String getProposer();

  void setProposer(String value);

  @Description("JSON or YAML file listing configurations to train first, right after the baseline and in order, as Optuna's enqueue_trial: [{\"eta\": 0.05, \"max_depth\": 6}, ...]; parameters left out take the baseline's values. Logged with proposer 'enqueued'; those the trial log already holds are not trained again.")
  String getEnqueue();

  void setEnqueue(String value);

  @Description("How a study starts after its baseline: random (the proposer's own start, TPE's random start-up trials) or portfolio (first a built-in portfolio of 5 strong, diverse XGBoost configurations clipped into the space, logged with proposer 'portfolio'; they count among TPE's start-up trials).")
  @Default.String("random")
  String getStartup();

  void setStartup(String value);

  @Description("TPE (--proposer=tpe, and the TPE inside llm-tpe and the LLM fallback): complete trials sampled at random before its Parzen estimators take over, as Optuna's n_startup_trials.")
  @Default.Integer(10)
  int getTpeStartupTrials();

  void setTpeStartupTrials(int value);

  @Description("TPE: draw whole configurations from joint kernels (Optuna's multivariate=True), so parameters that work together are proposed together; false samples each parameter on its own.")
  @Default.Boolean(true)
  boolean getTpeMultivariate();

  void setTpeMultivariate(boolean value);

  @Description("Validation metric to optimise. binary: logloss (default), auc, accuracy, error; multiclass: mlogloss (default), accuracy, macro_f1, merror; regression: rmse (default), mae, r2. auc, accuracy, macro_f1 and r2 are maximised, the rest minimised.")
  String getMetric();

  void setMetric(String value);

  @Description("Learning task: auto (from the target: two labels binary; whole numbers with at most 20 distinct values, or text, multiclass; other numbers regression), binary, multiclass or regression.")
  @Default.String("auto")
  String getTask();

  void setTask(String value);

  @Description("Seed of the proposers and XGBoost, and of the validation split unless --splitSeed is given.")
  @Default.Long(42)
  long getSeed();

  void setSeed(long value);

  @Description("Seed of the validation split alone; default: --seed. Studies that differ only in --seed then compare on the same split.")
  Long getSplitSeed();

  void setSplitSeed(Long value);

  @Description("JSON file overriding the search space (default: eta, max_depth, min_child_weight, subsample, colsample_bytree, lambda, alpha, gamma, max_bin).")
  String getSpace();

  void setSpace(String value);

  @Description("Boosting rounds at most per trial.")
  @Default.Integer(2000)
  int getMaxBoostRounds();

  void setMaxBoostRounds(int value);

  @Description("Stop a trial after this many rounds without improvement on the validation set; 0 trains every round.")
  @Default.Integer(50)
  int getEarlyStoppingRounds();

  void setEarlyStoppingRounds(int value);

  @Description("Share of the training file held out for validation: stratified by class for classification, shuffled for regression.")
  @Default.Double(0.2)
  double getValidationFraction();

  void setValidationFraction(double value);

  @Description("XGBoost device: cpu, or cuda (cuda:N) with the CUDA build of the jar (mvn -Pgpu); a one-row probe at start-up falls back to cpu with a warning when CUDA cannot train.")
  @Default.String("cpu")
  String getDevice();

  void setDevice(String value);

  @Description("With --device=cuda: trials that train at once on one GPU; the default parallelism is visible GPUs x this.")
  @Default.Integer(1)
  int getTrialsPerGpu();

  void setTrialsPerGpu(int value);

  @Description("XGBoost threads per trial; 0 = cores / parallelism.")
  @Default.Integer(0)
  int getThreadsPerTrial();

  void setThreadsPerTrial(int value);

  @Description("Study file (YAML or JSON) whose keys set these options, nested keys joined in camel case (llm: {model: m} is --llmModel=m); options on the command line win.")
  String getStudy();

  void setStudy(String value);

  /** ~/.cache/llm-hpo. */
  class CacheDirFactory implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return Path.of(System.getProperty("user.home"), ".cache", "llm-hpo").toString();
    }
  }
}

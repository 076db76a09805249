package dev.llmhpo.bench.suite;

import dev.llmhpo.bench.BenchLists;
import dev.llmhpo.bench.BenchOptions;
import dev.llmhpo.data.DataException;
import dev.llmhpo.pipelines.TuneCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench --scenario=suite}: tables × arms × seeds, each an ordinary {@code tune} study in
 * {@code OUTPUT/studies/TABLE/ARM/seed-N}; a rerun skips the studies an earlier run finished. Seeds run in the
 * outer loop and arms alternate inside it, so a suite stopped early still covers every arm.
 */
public final class SuiteScenario {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  /** Options the suite sets for each study, so the command line's are not passed on. */
  private static final Set<String> PER_STUDY = Set.of(
      "output", "device", "dataset", "dataDir", "train", "test", "target", "task", "metric", "seed", "splitSeed",
      "rounds", "maxRounds", "studyId", "resume", "proposer", "scenario", "suite", "dataRoot", "tables", "arms",
      "seeds", "trials", "budgetSeconds");

  /** What ran: every finished study's outcome, the studies that failed, the arms left out. */
  public record Result(SuiteSummary summary, List<StudyOutcome> outcomes, List<String> failed, int ran, int skipped) {}

  private final BenchOptions options;
  private final String[] args;
  private final Path output;

  /**
   * @param args the bench command line, whose {@code tune} options every study shares
   */
  public SuiteScenario(BenchOptions options, String[] args, Path output) {
    this.options = options;
    this.args = args.clone();
    this.output = output;
  }

  public Result run() {
    int trials = options.getTrials() == null ? BenchOptions.DEFAULT_TRIALS : options.getTrials();
    if (options.getSeeds() < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, got " + options.getSeeds());
    }
    List<Double> budgetSeconds = BenchLists.positiveDoubles("--budgetSeconds", options.getBudgetSeconds());
    SuiteFile file = options.getSuite() == null ? null : SuiteFile.read(Path.of(options.getSuite()));
    Path dataRoot = Path.of(options.getDataRoot()).toAbsolutePath().normalize();
    List<SuiteTable> tables = tables(file, dataRoot);
    boolean llmConfigured = options.getLlmModel() != null && !options.getLlmModel().isBlank();
    List<SuiteArm> arms = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String name : BenchLists.names("--arms", options.getArms())) {
      SuiteArm arm = file != null && file.arms().containsKey(name) ? file.arms().get(name) : BuiltInSuite.arm(name);
      if (arm == null) {
        throw new IllegalArgumentException("--arms: '" + name + "' is neither a built-in arm ("
            + String.join(", ", BuiltInSuite.ARMS) + ") nor one of the suite file's");
      }
      if (arm.needsLlm() && !llmConfigured) {
        skipped.add(name);
        LOG.warn("suite: arm {} skipped: it needs a chat endpoint and none is configured (--llmModel, --llmBaseUrl)",
            name);
      } else {
        arms.add(arm);
      }
    }
    Map<String, String> base = baseOptions();
    List<SuiteStudy> studies = new ArrayList<>();
    List<TableSplit.SplitFiles> files = new ArrayList<>();
    for (long seed = 1; seed <= options.getSeeds(); seed++) {
      for (SuiteTable table : tables) {
        TableSplit.SplitFiles split = TableSplit.of(table, seed, output.resolve("splits"));
        for (SuiteArm arm : arms) {
          studies.add(new SuiteStudy(table, arm, seed, trials, output.resolve("studies")));
          files.add(split);
        }
      }
    }
    List<StudyOutcome> outcomes = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int ran = 0;
    int skippedStudies = 0;
    for (int i = 0; i < studies.size(); i++) {
      SuiteStudy study = studies.get(i);
      String progress = "suite: " + (i + 1) + "/" + studies.size() + " " + study.label();
      if (study.done()) {
        skippedStudies++;
        LOG.info("{}: already done in an earlier run", progress);
      } else {
        try {
          long start = System.nanoTime();
          study.run(base, files.get(i));
          ran++;
          LOG.info("{}: done in {} s", progress, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        } catch (RuntimeException e) {
          failed.add(study.label() + ": " + e.getMessage());
          LOG.error("{}: failed, rerun the suite to retry it: {}", progress, e.getMessage());
          continue;
        }
      }
      outcomes.add(study.outcome());
    }
    List<String> tableNames = tables.stream().map(SuiteTable::name).toList();
    List<String> armNames = arms.stream().map(SuiteArm::name).toList();
    SuiteSummary summary = SuiteSummary.of(outcomes, tableNames, armNames, skipped, trials, budgetSeconds);
    return new Result(summary, outcomes, failed, ran, skippedStudies);
  }

  private List<SuiteTable> tables(SuiteFile file, Path dataRoot) {
    Map<String, SuiteTable> real = BuiltInSuite.realTables(dataRoot);
    List<String> names = BenchLists.names("--tables", options.getTables());
    if (names.equals(List.of("all"))) {
      names = file != null
          ? List.copyOf(file.tables().keySet())
          : real.values().stream().filter(t -> Files.exists(t.train())).map(SuiteTable::name).toList();
      if (names.isEmpty()) {
        throw new DataException("--tables=all: " + dataRoot + " holds none of the built-in tables ("
            + String.join(", ", real.keySet()) + "); give --dataRoot or a suite file with --suite");
      }
    }
    List<SuiteTable> tables = new ArrayList<>();
    for (String name : names) {
      SuiteTable table;
      if (file != null && file.tables().containsKey(name)) {
        table = file.tables().get(name);
      } else if (real.containsKey(name)) {
        table = real.get(name);
      } else {
        table = GeneratedTables.table(name, output.resolve("tables"));
      }
      if (table == null) {
        throw new DataException("--tables: '" + name + "' is not a built-in table (" + String.join(", ", real.keySet())
            + ", " + String.join(", ", BuiltInSuite.generatedTables()) + ")"
            + (file == null ? "; describe your own in a suite file (--suite)" : " nor one of the suite file's"));
      }
      for (Path path : table.test() == null ? List.of(table.train()) : List.of(table.train(), table.test())) {
        if (!Files.isRegularFile(path)) {
          throw new DataException("table " + name + ": " + path + " does not exist");
        }
      }
      tables.add(table);
    }
    return tables;
  }

  /** The command line's {@code tune} options, name → value, without those each study sets itself. */
  private Map<String, String> baseOptions() {
    Map<String, String> base = new LinkedHashMap<>();
    for (String arg : args) {
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      if (!PER_STUDY.contains(name)) {
        base.put(name, eq < 0 ? "true" : body.substring(eq + 1));
      }
    }
    base.put("device", options.getDevice());
    base.putIfAbsent("trialsPerRound", Integer.toString(TuneCommand.parallelism(options)));
    return base;
  }
}

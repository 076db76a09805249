package dev.llmhpo.bench;

import dev.llmhpo.bench.suite.SuiteReport;
import dev.llmhpo.bench.suite.SuiteScenario;
import dev.llmhpo.data.DataException;
import dev.llmhpo.pipelines.TuneCommand;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code bench}: measures the pipeline (overhead against a plain loop, sample efficiency of the proposers, large
 * tables, GPU) and prints one markdown table per scenario, with the command and the machine; {@code OUTPUT/bench.md}
 * keeps what was printed, {@code OUTPUT/bench-*.json} and {@code OUTPUT/bench-*.png} the same figures for scripts
 * and eyes.
 */
public final class BenchCommand {
  static final List<String> SCENARIOS = List.of("overhead", "efficiency", "scale", "gpu", "suite");
  private static final List<String> ALL = List.of("overhead", "efficiency", "scale");

  private BenchCommand() {}

  /** {@code java -jar bench/target/llm-hpo-bench.jar --scenario=... [--option=value ...]} */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Exit codes: 0 the benchmarks ran, 1 one failed, 2 bad options or input. */
  static int run(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, BenchOptions.class);
      return 0;
    }
    System.setProperty("java.awt.headless", "true");
    try {
      String[] withOutput = withDefaultOutput(args);
      BenchOptions options = TuneCommand.parse(withOutput, BenchOptions.class);
      Set<String> scenarios = scenarios(options.getScenario());
      Path output = Path.of(options.getOutput()).toAbsolutePath();
      Files.createDirectories(output);
      StudyOptions studies = new StudyOptions(withOutput, options.getDevice(), output);
      BenchLog log = new BenchLog(output.resolve("bench.md"));
      log.add(
          "# llm-hpo bench\n\n`java -jar llm-hpo-bench.jar " + String.join(" ", args) + "`\n\n"
              + MachineInfo.describe() + "\n");
      if (scenarios.contains("overhead")) {
        OverheadScenario scenario = new OverheadScenario(options, studies);
        OverheadReport report = new OverheadReport(scenario.run(), scenario.coldStartSeconds());
        log.add("## Overhead\n\n" + report.markdown());
        report.write(output);
      }
      if (scenarios.contains("efficiency")) {
        boolean perRoundGiven = Arrays.stream(args).anyMatch(a -> a.startsWith("--trialsPerRound="));
        EfficiencyScenario.Result result = new EfficiencyScenario(options, studies, perRoundGiven).run();
        EfficiencyReport report = new EfficiencyReport(
                EfficiencySummary.of(result),
                result.trialsPerRound(),
                new TpeSettings(options.getTpeStartupTrials(), options.getTpeMultivariate()));
        log.add("## Sample efficiency\n\n" + report.markdown());
        report.write(output);
      }
      ScaleScenario scale = new ScaleScenario(options, studies);
      if (scenarios.contains("scale")) {
        ScaleReport report = new ScaleReport(scale.run(), options.getScaleBoostRounds());
        log.add("## Scale\n\n" + report.markdown());
        report.write(output);
      }
      if (scenarios.contains("suite")) {
        SuiteScenario.Result result = new SuiteScenario(options, withOutput, output).run();
        SuiteReport report = new SuiteReport(result, "java -jar llm-hpo-bench.jar " + String.join(" ", args),
            MachineInfo.describe());
        log.add("## Benchmark suite\n\n" + report.markdown());
        report.write(output);
        if (!result.failed().isEmpty()) {
          System.err.println("bench: " + result.failed().size() + " suite studies failed; rerun to retry them");
          return 1;
        }
      }
      if (scenarios.contains("gpu")) {
        GpuReport report = new GpuReport(new GpuScenario(options, scale).run());
        log.add("## GPU\n\n" + report.markdown());
        report.write(output);
      }
      return 0;
    } catch (IllegalArgumentException | DataException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("bench failed: " + e);
      return 1;
    }
  }

  /** The scenarios named by {@code --scenario}, in the order they run. */
  static Set<String> scenarios(String value) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : BenchLists.names("--scenario", value)) {
      if (name.equals("all")) {
        chosen.addAll(ALL);
      } else if (SCENARIOS.contains(name)) {
        chosen.add(name);
      } else {
        throw new IllegalArgumentException(
            "--scenario=" + name + " is not known; choose from all, " + String.join(", ", SCENARIOS));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    SCENARIOS.stream().filter(chosen::contains).forEach(ordered::add);
    return ordered;
  }

  /** bench writes to {@code bench-output} unless {@code --output} says otherwise. */
  private static String[] withDefaultOutput(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (all.stream().noneMatch(a -> a.startsWith("--output="))) {
      all.add("--output=bench-output");
    }
    return all.toArray(String[]::new);
  }
}

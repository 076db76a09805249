package dev.llmhpo.bench;

import dev.llmhpo.pipelines.TuneCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;

/**
 * Fresh options for each study of a benchmark: the {@code bench} command line (data, by default UCI Adult; budget,
 * device, Flink settings), then what the scenario sets. Each study writes to its own folder under {@code OUTPUT/runs}, emptied
 * first so that no earlier run is resumed.
 */
final class StudyOptions {
  private final List<String> args;
  private final Path runs;

  /** @param resolvedDevice the device after the start-up probe, so that the probe runs and warns only once */
  StudyOptions(String[] args, String resolvedDevice, Path output) {
    this.args = new ArrayList<>();
    for (String arg : args) {
      // --trials is the scenario's budget per study; each scenario sets its studies' rounds itself.
      if (!arg.startsWith("--device=") && !arg.startsWith("--output=") && !arg.startsWith("--trials=")) {
        this.args.add(arg);
      }
    }
    this.args.add("--device=" + resolvedDevice);
    if (this.args.stream().noneMatch(a -> a.startsWith("--dataset=") || a.startsWith("--train="))) {
      this.args.add("--dataset=adult"); // the benchmarks' data unless told otherwise
    }
    this.runs = output.resolve("runs");
  }

  /** Options for one study writing to {@code runs/name}, at {@code parallelism} workers. */
  BenchOptions study(String name, int parallelism) {
    Path dir = runs.resolve(name);
    deleteRecursively(dir);
    List<String> all = new ArrayList<>(args);
    all.add("--output=" + dir);
    BenchOptions options = TuneCommand.parse(all.toArray(String[]::new), BenchOptions.class);
    options.as(FlinkPipelineOptions.class).setParallelism(parallelism);
    return options;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty " + dir + " for a new run: " + e.getMessage(), e);
    }
  }
}

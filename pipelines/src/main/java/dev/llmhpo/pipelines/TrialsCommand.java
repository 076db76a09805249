package dev.llmhpo.pipelines;

import dev.llmhpo.io.TrialLog;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code trials --output=DIR}: the study's trial log as a table, one line per logged trial, and a closing line that
 * counts trials by status and says whether every trial id from 0 up is logged exactly once.
 */
final class TrialsCommand {
  private static final String USAGE = "usage: java -jar llm-hpo.jar trials --output=DIR";

  private TrialsCommand() {}

  /** Exit codes: 0 the log was read, 2 no trial log in DIR (or bad arguments). */
  static int main(String[] args, PrintStream out) {
    if (args.length != 1 || !args[0].startsWith("--output=")) {
      System.err.println(USAGE);
      return 2;
    }
    Path output = Path.of(args[0].substring("--output=".length()));
    TrialLog log = new TrialLog(output);
    if (!Files.isDirectory(log.dir())) {
      System.err.println("error: " + output + " holds no trial log (trials/round-*.avro)");
      return 2;
    }
    List<TrialResult> trials = log.readAll();
    out.println("trial\tround\tstatus\tvalue\tproposer\tworker");
    for (TrialResult r : trials) {
      out.printf(
          "%d\t%d\t%s\t%s\t%s\t%s%n",
          r.getTrial().getTrialId(),
          r.getTrial().getRound(),
          r.getStatus(),
          r.getValue() == null ? "-" : String.format("%.5f", r.getValue()),
          r.getTrial().getProposer(),
          r.getWorker());
    }
    out.println(closingLine(trials));
    return 0;
  }

  static String closingLine(List<TrialResult> trials) {
    Map<TrialStatus, Long> byStatus =
        trials.stream().collect(Collectors.groupingBy(TrialResult::getStatus, TreeMap::new, Collectors.counting()));
    TreeMap<Integer, Long> copies =
        trials.stream().collect(Collectors.groupingBy(r -> r.getTrial().getTrialId(), TreeMap::new, Collectors.counting()));
    long rounds = trials.stream().map(r -> r.getTrial().getRound()).distinct().count();
    List<Integer> twice = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    List<Integer> missing =
        IntStream.range(0, copies.isEmpty() ? 0 : copies.lastKey() + 1)
            .filter(id -> !copies.containsKey(id))
            .boxed()
            .toList();
    String ids =
        twice.isEmpty() && missing.isEmpty()
            ? "trial ids 0.." + (copies.size() - 1) + ", each once"
            : "trial ids logged more than once: " + twice + ", missing: " + missing;
    String statuses =
        byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return trials.size() + " trials in " + rounds + " rounds: " + (statuses.isEmpty() ? "none" : statuses) + "; " + ids;
  }
}

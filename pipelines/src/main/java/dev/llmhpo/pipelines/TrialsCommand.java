package dev.llmhpo.pipelines;

import dev.llmhpo.io.RoundCheck;
import dev.llmhpo.io.TrialLog;
import dev.llmhpo.io.TrialLogRepair;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code trials --output=DIR}: the study's trial log as a table, one line per logged trial, and a closing line that
 * counts trials by status and says whether every trial id from 0 up is logged exactly once. {@code --verify} checks
 * every round file instead, one line each; {@code --repair} moves damaged round files aside, keeping what of them is
 * intact (see {@link TrialLogRepair}).
 */
final class TrialsCommand {
  private static final String USAGE = "usage: java -jar llm-hpo.jar trials --output=DIR [--verify | --repair]";

  private TrialsCommand() {}

  /**
   * Exit codes: 0 the log was listed, verified clean (or unverifiable, written before checksums) or repaired; 2 a
   * round file is damaged (each named, with what is wrong), no trial log in DIR, or bad arguments.
   */
  static int main(String[] args, PrintStream out) {
    List<String> modes = List.of("--verify", "--repair");
    List<String> given = List.of(args);
    List<String> outputs = given.stream().filter(a -> a.startsWith("--output=")).toList();
    List<String> mode = given.stream().filter(modes::contains).toList();
    if (outputs.size() != 1 || mode.size() > 1 || outputs.size() + mode.size() != args.length) {
      System.err.println(USAGE);
      return 2;
    }
    Path output = Path.of(outputs.get(0).substring("--output=".length()));
    TrialLog log = new TrialLog(output);
    if (!Files.isDirectory(log.dir())) {
      System.err.println("error: " + output + " holds no trial log (trials/round-*.avro)");
      return 2;
    }
    try {
      return switch (mode.isEmpty() ? "" : mode.get(0)) {
        case "--verify" -> verify(log, output, out);
        case "--repair" -> repair(log, out);
        default -> list(log, output, out);
      };
    } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static int list(TrialLog log, Path output, PrintStream out) {
    List<RoundCheck> checks = log.check();
    List<TrialResult> trials = checks.stream().filter(c -> !c.damaged()).flatMap(c -> c.trials().stream()).toList();
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
    checks.stream().filter(RoundCheck::damaged).forEach(c -> out.println("error: " + c.line()));
    return repairHint(checks, output, out);
  }

  private static int verify(TrialLog log, Path output, PrintStream out) {
    List<RoundCheck> checks = log.check();
    checks.forEach(c -> out.println(c.line()));
    Map<RoundCheck.Verdict, Long> byVerdict =
        checks.stream().collect(Collectors.groupingBy(RoundCheck::verdict, Collectors.counting()));
    out.println(
        checks.size() + (checks.size() == 1 ? " round file: " : " round files: ")
            + byVerdict.getOrDefault(RoundCheck.Verdict.VERIFIED, 0L) + " verified, "
            + byVerdict.getOrDefault(RoundCheck.Verdict.UNVERIFIABLE, 0L) + " unverifiable (written before checksums), "
            + byVerdict.getOrDefault(RoundCheck.Verdict.DAMAGED, 0L) + " damaged");
    return repairHint(checks, output, out);
  }

  /** 2 after saying how to repair a log with a damaged round file; 0 when none is. */
  private static int repairHint(List<RoundCheck> checks, Path output, PrintStream out) {
    if (checks.stream().noneMatch(RoundCheck::damaged)) {
      return 0;
    }
    out.println("'trials --output=" + output + " --repair' moves damaged round files aside so the study can continue");
    return 2;
  }

  private static int repair(TrialLog log, PrintStream out) {
    List<TrialLogRepair.Repair> repairs = TrialLogRepair.repair(log);
    repairs.forEach(r -> out.println(r.line()));
    if (repairs.isEmpty()) {
      out.println("nothing to repair: no round file in " + log.dir() + " is damaged");
    }
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

package dev.llmhpo.pipelines;

import java.util.Arrays;

/** {@code java -jar llm-hpo.jar COMMAND [--option=value ...]}: one line per subcommand. */
public final class Main {
  private static final String USAGE =
      "usage: java -jar llm-hpo.jar tune|report [--option=value ...]   (COMMAND --help lists a command's options)\n"
          + "       java -jar llm-hpo.jar trials --output=DIR [--verify|--repair]    (a study's trial log)";

  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int exitCode =
        switch (command) {
          case "tune" -> TuneCommand.main(rest);
          case "report" -> ReportCommand.main(rest);
          case "trials" -> TrialsCommand.main(rest, System.out);
          default -> {
            System.err.println(USAGE);
            yield 2;
          }
        };
    System.exit(exitCode);
  }
}

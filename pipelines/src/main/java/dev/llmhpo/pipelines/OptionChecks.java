package dev.llmhpo.pipelines;

import dev.llmhpo.data.ClosestName;
import dev.llmhpo.data.CsvDialect;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.registry.Proposers;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.space.OutOfRange;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The one place where {@code tune}'s options are checked, each failure an IllegalArgumentException that names the
 * option and what it takes (exit code 2). Two passes: {@link #names} before Beam parses the command line (Beam's own
 * messages name neither the option nor the type for a bad number), {@link #values} on the parsed options, before
 * anything is read or trained. What can only be checked against the data (the detected task's metrics, a positive
 * class the target lacks) is checked where the data is read.
 */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * The first bare argument, unknown option, option given twice or badly typed value. A bare argument is never
   * printed back (it may be a key pasted in the wrong place), nor a value that looks like a key.
   *
   * @param options the command's options; Beam's and the runners' are known too
   */
  static void names(String command, Class<? extends PipelineOptions> options, List<String> args) {
    PipelineOptionsFactory.register(options);
    Map<String, Method> known = OptionNames.known();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "argument " + (i + 1) + " is not an option (options look like --name=value); it is not shown here, in case"
                + " it is a secret");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      Method getter = known.get(name);
      if (getter == null) {
        throw new IllegalArgumentException(
            "unknown option --" + name + suggestion(name, known.keySet()) + "; '" + command + " --help' lists the options");
      }
      if (!seen.add(name) && !Collection.class.isAssignableFrom(getter.getReturnType())) {
        throw new IllegalArgumentException("--" + name + " is given more than once; give it once");
      }
      checkValue(name, value, getter.getReturnType());
    }
  }

  /** The first value out of its range. */
  static void values(TuneOptions options) {
    atLeast("--rounds", options.getRounds(), 1);
    if (options.getTrials() != null) {
      atLeast("--trials", options.getTrials(), 1);
    }
    atLeast("--trialsPerRound", options.getTrialsPerRound(), 1);
    atLeast("--maxBoostRounds", options.getMaxBoostRounds(), 1);
    atLeast("--trialsPerGpu", options.getTrialsPerGpu(), 1);
    if (options.getMaxRounds() < 0) {
      throw new IllegalArgumentException("--maxRounds must be 0 (no cap) or more, got " + options.getMaxRounds());
    }
    if (options.getEarlyStoppingRounds() < 0) {
      throw new IllegalArgumentException(
          "--earlyStoppingRounds must be 0 (off) or more, got " + options.getEarlyStoppingRounds());
    }
    if (options.getValidationFraction() <= 0 || options.getValidationFraction() >= 1) {
      throw new IllegalArgumentException("--validationFraction must lie strictly between 0 and 1");
    }
    if (options.getTpeStartupTrials() < 0) {
      throw new IllegalArgumentException("--tpeStartupTrials=" + options.getTpeStartupTrials() + ": must be 0 or more");
    }
    task(options);
    startsWithPortfolio(options);
    CsvDialect.of(options.getDelimiter(), options.getQuote(), options.getDecimal());
    if (!Proposers.names().contains(options.getProposer())) {
      throw new IllegalArgumentException(
          "--proposer=" + options.getProposer() + " is not known; choose one of " + Proposers.names());
    }
    if (Proposers.usesChatModel(options.getProposer())) {
      llm(options);
    }
  }

  /**
   * That the run's length is given once, in trials or in rounds: {@code args} are the options as parsed, the study
   * file's included.
   */
  static void runLength(List<String> args) {
    Set<String> given = new HashSet<>();
    args.forEach(arg -> given.add(StudyFile.name(arg)));
    if (given.contains("trials") && given.contains("rounds")) {
      throw new IllegalArgumentException(
          "--trials and --rounds are both given; give one: --trials=N trials (whole rounds of"
              + " --trialsPerRound) or --rounds=R rounds");
    }
  }

  /** The LLM options, when the proposer asks a chat model. */
  private static void llm(TuneOptions options) {
    if (options.getLlmModel() == null || options.getLlmModel().isBlank()) {
      throw new IllegalArgumentException(
          "--proposer=" + options.getProposer() + " needs --llmModel (and --llmBaseUrl for a local server)");
    }
    provider(options);
    atLeast("--llmTimeoutSeconds", options.getLlmTimeoutSeconds(), 1);
    atLeast("--llmRoundTimeoutSeconds", options.getLlmRoundTimeoutSeconds(), 1);
    atLeast("--llmMaxOutputTokens", options.getLlmMaxOutputTokens(), 1);
    atLeast("--llmPromptTokenCap", options.getLlmPromptTokenCap(), 1);
    if (options.getLlmMaxRetries() < 0) {
      throw new IllegalArgumentException("--llmMaxRetries must be 0 or more, got " + options.getLlmMaxRetries());
    }
    if (options.getLlmTemperature() < 0) {
      throw new IllegalArgumentException("--llmTemperature must be 0 or more, got " + options.getLlmTemperature());
    }
    if (options.getLlmShare() < 0 || options.getLlmShare() > 1) {
      throw new IllegalArgumentException("--llmShare must lie between 0 and 1, got " + options.getLlmShare());
    }
    if (Secrets.looksLikeKey(options.getLlmApiKeyEnv())) {
      throw new IllegalArgumentException(
          "--llmApiKeyEnv takes the NAME of the environment variable that holds the key (for example OPENAI_API_KEY),"
              + " and what was given looks like a key itself; it is not shown here. Put the key in a variable.");
    }
    choice("--llmOutputFormat", options.getLlmOutputFormat(), AnswerSettings.OutputFormat.class);
    choice("--llmOutOfRange", options.getLlmOutOfRange(), OutOfRange.class);
    choice("--llmCache", options.getLlmCache(), CacheMode.class);
  }

  private enum Startup { RANDOM, PORTFOLIO }

  /** Whether {@code --startup} asks for the built-in portfolio first. */
  static boolean startsWithPortfolio(TuneOptions options) {
    return choice("--startup", options.getStartup(), Startup.class) == Startup.PORTFOLIO;
  }

  /** The chat API {@code --llmProvider} names. */
  static Provider provider(LlmOptions options) {
    return choice("--llmProvider", options.getLlmProvider(), Provider.class);
  }

  /** The constant of {@code type} that {@code value} names, case ignored; an error listing the choices if none. */
  static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    throw new IllegalArgumentException(
        option + "=" + value + " is not known; choose "
            + (allowed.size() == 2 ? String.join(" or ", allowed) : "one of " + allowed));
  }

  /**
   * That the API key the workers will read is there, when they run in this process (embedded Flink) and the
   * endpoint needs one: an API key file that is missing, a folder or empty, or an environment variable that holds
   * nothing, stops the run before any training. Neither message shows a key.
   */
  static void apiKeyAvailable(LlmOptions options) {
    if (provider(options) != Provider.OPENAI
        || choice("--llmCache", options.getLlmCache(), CacheMode.class) == CacheMode.REPLAY) {
      return;
    }
    String file = options.getLlmApiKeyFile();
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file);
      String problem =
          !Files.exists(path) ? "does not exist"
              : Files.isDirectory(path) ? "is a folder, not a file"
              : !Files.isReadable(path) ? "is not readable"
              : isBlank(path) ? "is empty" : null;
      if (problem != null) {
        throw new IllegalArgumentException("--llmApiKeyFile=" + file + " " + problem);
      }
    } else if (System.getenv(options.getLlmApiKeyEnv()) == null || System.getenv(options.getLlmApiKeyEnv()).isBlank()) {
      throw new IllegalArgumentException(
          "the environment variable " + options.getLlmApiKeyEnv() + " (--llmApiKeyEnv) holds no API key; set it, or"
              + " give --llmApiKeyFile");
    }
  }

  private static boolean isBlank(Path file) {
    try {
      return Files.readString(file).isBlank();
    } catch (IOException e) {
      throw new IllegalArgumentException("--llmApiKeyFile=" + file + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /**
   * That the options name the data: checked when a study is prepared, not when options are parsed, so a program
   * can parse tune's options first and name the data afterwards (the benchmarks do).
   */
  static void dataNamed(TuneOptions options) {
    if (options.getDataset() != null && !options.getDataset().equalsIgnoreCase("adult")) {
      throw new IllegalArgumentException(
          "--dataset=" + options.getDataset() + " is not known; the built-in data set is 'adult'");
    }
    if (options.getDataset() == null && (options.getTrain() == null || options.getTarget() == null)) {
      throw new IllegalArgumentException(
          "give --dataset=adult, or --train=FILE and --target=COLUMN (and optionally --test=FILE)");
    }
  }

  /**
   * The output folder: one that is a file, or that cannot be created or written, stops the run before anything else
   * (exit 2, not 1: a retry would fail the same way). A missing folder is created by the study's lock.
   */
  static Path outputFolder(TuneOptions options) {
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    Path existing = output;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          "--output=" + options.getOutput() + (existing.equals(output) ? " is a file, not a folder" : ": " + existing + " is a file, not a folder"));
    }
    if (!Files.isWritable(existing)) {
      throw new IllegalArgumentException(
          "--output=" + options.getOutput() + (existing.equals(output) ? " is not writable" : ": " + existing + " is not writable"));
    }
    return output;
  }

  /** The task {@code --task} names, or null for auto (detected from the target). */
  static TaskType task(TuneOptions options) {
    String option = options.getTask();
    if (option.equalsIgnoreCase("auto")) {
      return null;
    }
    for (TaskType task : TaskType.values()) {
      if (task.name().equalsIgnoreCase(option)) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "--task=" + option + " is not known; choose auto, binary, multiclass or regression");
  }

  private static void atLeast(String option, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
    }
  }

  private static void checkValue(String name, String value, Class<?> type) {
    String shown = Secrets.looksLikeKey(value) ? "<not shown: it looks like a key>" : value;
    if (value == null) {
      if (type != boolean.class && type != Boolean.class) {
        throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
      }
      return;
    }
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(value.trim());
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(value.trim());
      } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
        Double.parseDouble(value.trim());
      } else if ((type == boolean.class || type == Boolean.class)
          && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("--" + name + "=" + shown + ": expected true or false");
      } else if (type.isEnum() && Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.toString().equals(value))) {
        throw new IllegalArgumentException(
            "--" + name + "=" + shown + ": expected one of " + Arrays.toString(type.getEnumConstants()));
      }
    } catch (NumberFormatException e) {
      String expected = type == double.class || type == Double.class || type == float.class || type == Float.class
          ? "a number" : "a whole number";
      throw new IllegalArgumentException("--" + name + "=" + shown + ": expected " + expected);
    }
  }

  /** ", did you mean --x?" for the closest known name within two edits, else nothing. */
  private static String suggestion(String name, Collection<String> known) {
    return ClosestName.of(name, known).map(k -> " (did you mean --" + k + "?)").orElse("");
  }
}

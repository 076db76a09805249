package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.llmhpo.propose.registry.Proposers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** {@code --help} lists every option with its default; bad options and values are named with what is allowed. */
public class OptionErrorsTest {
  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome tune(String... args) {
    PrintStream out = System.out, err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = TuneCommand.main(args);
      return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  public void helpListsEveryOptionWithItsDefault() {
    Outcome help = tune("--help");
    assertThat(help.exitCode(), equalTo(0));
    for (Method getter : OptionsHelp.getters(TuneOptions.class)) {
      assertThat(help.out(), containsString("--" + OptionNames.property(getter) + "=<"));
    }
    assertThat(help.out(), containsString("--rounds=<int>   default: 5"));
    assertThat(help.out(), containsString("--proposer=<String>   default: tpe"));
    assertThat(help.out(), containsString("Proposers (--proposer): " + String.join(", ", Proposers.names())));
    assertThat(help.out(), containsString("--study=<String>   default: none"));
    assertThat(help.out(), containsString("--llmModel=<String>   default: none"));
    assertThat(help.out(), containsString("--cacheDir=<String>   default: " + System.getProperty("user.home")));
    assertThat(help.out(), containsString("--runner=<Class>   default: FlinkRunner"));
  }

  @Test
  public void unknownOptionsAreNamedWithASuggestion() {
    Outcome o = tune("--dataset=adult", "--trialsPerRoud=3");
    assertThat(o.exitCode(), equalTo(2));
    assertThat(o.err(), containsString("unknown option --trialsPerRoud (did you mean --trialsPerRound?)"));
    assertThat(tune("--frobnicate=1").err(), containsString("unknown option --frobnicate; 'tune --help' lists the options"));
  }

  @Test
  public void badValuesAreNamedWithWhatIsAllowed() {
    assertThat(tune("--rounds=three").err(), containsString("--rounds=three: expected a whole number"));
    assertThat(tune("--validationFraction=most").err(), containsString("--validationFraction=most: expected a number"));
    assertThat(tune("--rounds").err(), containsString("--rounds needs a value"));
    Outcome proposer = tune("--dataset=adult", "--proposer=genetic");
    assertThat(proposer.exitCode(), equalTo(2));
    assertThat(proposer.err(), containsString("--proposer=genetic"));
    assertThat(proposer.err(), containsString("choose one of [random, tpe"));
    Outcome metric = tune("--dataset=adult", "--dataDir=" + StudyFixtures.adultDir(), "--metric=f1");
    assertThat(metric.err(), containsString("--metric=f1 is not a metric of binary tasks; choose one of [logloss, auc, accuracy, error]"));
    assertThat(tune("--dataset=adult", "--rounds=0").err(), containsString("--rounds must be at least 1, got 0"));
    assertThat(tune("--dataset=adult", "--validationFraction=1.5").err(), containsString("--validationFraction must lie strictly between 0 and 1"));
    Outcome startup = tune("--dataset=adult", "--dataDir=" + StudyFixtures.adultDir(), "--tpeStartupTrials=-1");
    assertThat(startup.exitCode(), equalTo(2));
    assertThat(startup.err(), containsString("--tpeStartupTrials=-1: must be 0 or more"));
  }

  @Test
  public void theRunsLengthIsGivenInTrialsOrInRoundsNotBoth() {
    Outcome both = tune("--dataset=adult", "--trials=20", "--rounds=3");
    assertThat(both.exitCode(), equalTo(2));
    assertThat(both.err(), containsString("--trials and --rounds are both given; give one"));
    assertThat(tune("--dataset=adult", "--trials=0").err(), containsString("--trials must be at least 1, got 0"));
  }

  @Test
  public void anUnknownStartupIsNamedWithTheChoices() {
    Outcome o = tune("--dataset=adult", "--startup=warm");
    assertThat(o.exitCode(), equalTo(2));
    assertThat(o.err(), containsString("--startup=warm is not known; choose random or portfolio"));
  }

  @Test
  public void anOutputThatIsAFileStopsAtOnceInOneLine() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("output-", ".txt");
    Outcome o = tune("--dataset=adult", "--dataDir=" + StudyFixtures.adultDir(), "--output=" + file);
    assertThat(o.exitCode(), equalTo(2));
    assertThat(o.err(), equalTo("error: --output=" + file + " is a file, not a folder" + System.lineSeparator()));
    Outcome under = tune("--dataset=adult", "--dataDir=" + StudyFixtures.adultDir(), "--output=" + file + "/study");
    assertThat(under.exitCode(), equalTo(2));
    assertThat(under.err(), containsString(": " + file + " is a file, not a folder"));
  }

  @Test
  public void whatMayBeASecretIsNeverEchoed() {
    String key = "sk-proj-9f8e7d6c5b4a39281716ab";
    Outcome bare = tune("--dataset=adult", key);
    assertThat(bare.exitCode(), equalTo(2));
    assertThat(bare.err(), containsString("argument 2 is not an option"));
    assertThat(bare.err(), not(containsString(key)));
    Outcome value = tune("--dataset=adult", "--llmTemperature=" + key);
    assertThat(value.err(), containsString("--llmTemperature=<not shown: it looks like a key>: expected a number"));
    assertThat(value.err(), not(containsString(key)));
  }

  @Test
  public void anOptionGivenTwiceIsNamed() {
    Outcome o = tune("--dataset=adult", "--rounds=2", "--rounds=1");
    assertThat(o.exitCode(), equalTo(2));
    assertThat(o.err(), containsString("--rounds is given more than once; give it once"));
  }

  @Test
  public void anApiKeySourceThatCannotServeStopsBeforeTheJob() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("key-dir");
    String[] llm = {"--dataset=adult", "--dataDir=" + StudyFixtures.adultDir(), "--proposer=llm", "--llmModel=m"};
    Outcome folder = tune(concat(llm, "--llmApiKeyFile=" + dir));
    assertThat(folder.exitCode(), equalTo(2));
    assertThat(folder.err(), equalTo("error: --llmApiKeyFile=" + dir + " is a folder, not a file" + System.lineSeparator()));
    java.nio.file.Path empty = java.nio.file.Files.createTempFile("key", ".txt");
    Outcome blank = tune(concat(llm, "--llmApiKeyFile=" + empty));
    assertThat(blank.exitCode(), equalTo(2));
    assertThat(blank.err(), equalTo("error: --llmApiKeyFile=" + empty + " is empty" + System.lineSeparator()));

    String key = "sk-proj-Zx81kq2Lm4Np6Rt8Vw0Yb3Cd5";
    Outcome pasted = tune(concat(llm, "--llmApiKeyEnv=" + key));
    assertThat(pasted.exitCode(), equalTo(2));
    assertThat(pasted.err(), containsString("--llmApiKeyEnv takes the NAME of the environment variable"));
    assertThat(pasted.err() + pasted.out(), not(containsString(key)));
  }

  private static String[] concat(String[] a, String b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + 1);
    all[a.length] = b;
    return all;
  }
}

package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StudyFileTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path file(String name, String text) throws Exception {
    Path file = tmp.getRoot().toPath().resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  public void nestedKeysJoinInCamelCaseAndListsJoinWithCommas() throws Exception {
    Path yaml =
        file(
            "s.yaml",
            """
            rounds: 3
            validationFraction: 0.25
            llm:
              model: m
              baseUrl: http://localhost:11434
              cache:
                dir: /tmp/c
            tags: [a, b]
            empty: null
            """);
    assertThat(
        StudyFile.options(yaml),
        equalTo(List.of("--rounds=3", "--validationFraction=0.25", "--llmModel=m", "--llmBaseUrl=http://localhost:11434", "--llmCacheDir=/tmp/c", "--tags=a,b")));
    Path json = file("s.json", "{\"rounds\": 3, \"llm\": {\"model\": \"m\"}}");
    assertThat(StudyFile.options(json), equalTo(List.of("--rounds=3", "--llmModel=m")));
  }

  @Test
  public void theCommandLineWinsOverTheFile() throws Exception {
    Path yaml = file("s.yaml", "rounds: 3\nproposer: random\nseed: 5\n");
    List<String> merged = StudyFile.merge(List.of("--study=" + yaml, "--rounds=7"));
    assertThat(merged, equalTo(List.of("--proposer=random", "--seed=5", "--study=" + yaml, "--rounds=7")));

    TuneOptions options = TuneCommand.parse(new String[] {"--study=" + yaml, "--rounds=7"});
    assertThat(options.getRounds(), equalTo(7));
    assertThat(options.getProposer(), equalTo("random"));
    assertThat(options.getSeed(), equalTo(5L));
  }

  @Test
  public void anInlineSpaceBecomesASpaceFile() throws Exception {
    Path yaml =
        file(
            "s.yaml",
            """
            space:
              - {name: eta, type: float, low: 0.01, high: 0.3, log: true}
              - {name: grow_policy, type: categorical, choices: [depthwise, lossguide]}
            """);
    String option = StudyFile.options(yaml).get(0);
    assertThat(option, startsWith("--space="));
    SearchSpace space = SearchSpace.fromJson(Path.of(option.substring("--space=".length())));
    assertThat(space.names(), equalTo(List.of("eta", "grow_policy")));
    assertThat(space.param("eta").getLog(), equalTo(true));
  }

  @Test
  public void theExampleStudyFileParses() {
    TuneOptions options = TuneCommand.parse(new String[] {"--study=" + Path.of("..", "examples", "adult-study.yaml")});
    assertThat(options.getTarget(), equalTo("ltgt50k"));
    assertThat(options.getTask(), equalTo("binary"));
    assertThat(options.getLlmModel(), equalTo("gpt-4o-mini"));
    assertThat(options.getLlmApiKeyEnv(), equalTo("OPENAI_API_KEY"));
    assertThat(options.getPositiveClass(), equalTo(">50K"));
    assertThat(options.getMetric(), equalTo("logloss"));
    assertThat(options.getRounds(), equalTo(10));
    assertThat(SearchSpace.fromJson(Path.of(options.getSpace())).names(), equalTo(SearchSpace.xgboostDefault().names()));
  }

  @Test
  public void badFilesAndKeysAreNamed() throws Exception {
    Path unknown = file("u.yaml", "rounds: 3\nroundz: 4\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--study=" + unknown}));
    assertThat(e.getMessage(), containsString("study file " + unknown));
    assertThat(e.getMessage(), containsString("unknown option --roundz (did you mean --rounds?)"));

    Path badValue = file("b.yaml", "rounds: many\n");
    e = assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--study=" + badValue}));
    assertThat(e.getMessage(), containsString("study file " + badValue + ": --rounds=many: expected a whole number"));

    Path broken = file("x.yaml", "rounds: [3\n");
    e = assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--study=" + broken}));
    assertThat(e.getMessage(), containsString("study file " + broken + " is not valid YAML"));

    e = assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--study=nope.yaml"}));
    assertThat(e.getMessage(), containsString("study file nope.yaml does not exist"));
  }
}

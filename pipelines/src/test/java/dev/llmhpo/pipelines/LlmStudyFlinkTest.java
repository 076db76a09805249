package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import dev.llmhpo.space.SearchSpace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A study with {@code --proposer=llm} on Adult against a scripted OpenAI-compatible server over real HTTP: messy
 * answers, a repair, an endpoint failure with fallback, the prompt of each round built from all earlier results,
 * the API key kept out of every output, and a replay that reproduces the study without a single request.
 */
public class LlmStudyFlinkTest {
  private static final String SENTINEL_KEY = "sk-sentinel-7f3a9c1e5b";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ScriptedChatServer server;
  private Path keyFile;

  @Before
  public void start() throws Exception {
    server = new ScriptedChatServer();
    keyFile = tmp.getRoot().toPath().resolve("api-key");
    Files.writeString(keyFile, SENTINEL_KEY + "\n");
  }

  @After
  public void stop() {
    server.close();
  }

  private PipelineResult.State tune(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--dataset=adult",
                "--dataDir=" + StudyFixtures.adultDir(),
                "--studyId=llm-study",
                "--rounds=3",
                "--trialsPerRound=3",
                "--maxBoostRounds=60",
                "--proposer=llm",
                "--llmBaseUrl=" + server.baseUrl(),
                "--llmModel=scripted",
                "--llmApiKeyFile=" + keyFile,
                "--llmMaxRetries=1"));
    args.addAll(List.of(extra));
    TuneOptions options = StudyFixtures.options(out, args.toArray(String[]::new));
    return TuneCommand.run(options, Pipeline.create(options));
  }

  @Test
  public void llmStudyCompletesReplaysAndKeepsTheKeySecret() throws Exception {
    server
        .then(ScriptedChatServer.configs(1, json -> "Here are my picks:\n```json\n" + json + "\n```\nGood luck!"))
        .then(ScriptedChatServer.text("{\"configs\": [ {\"params\": {\"eta\": 0.1,, }"))
        .then(ScriptedChatServer.configs(2, json -> json))
        .then(ScriptedChatServer.status(500))
        .then(ScriptedChatServer.status(500));
    Path out = tmp.newFolder("recorded").toPath();

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out, stderr = System.err;
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    PipelineResult.State state;
    try {
      state = tune(out);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    assertThat(state, equalTo(PipelineResult.State.DONE));

    List<TrialResult> log = StudyFixtures.trialLog(out);
    assertThat(log, hasSize(9));
    SearchSpace space = SearchSpace.xgboostDefault();
    for (TrialResult r : log) {
      assertThat(r.getStatus(), equalTo(TrialStatus.COMPLETE));
      assertThat("only valid configs are trained", space.contains(r.getTrial().getParams()), is(true));
      assertThat(r.getTrial().getRationale(), notNullValue());
    }
    List<String> proposers = log.stream().map(r -> r.getTrial().getProposer()).toList();
    assertThat(proposers, equalTo(List.of("default", "llm", "llm", "llm", "llm", "llm", "tpe", "tpe", "tpe")));
    assertThat(log.get(1).getTrial().getParams().get("eta"), equalTo(0.3)); // 5.0 clipped to the space's bound
    assertThat(log.get(0).getTrial().getProposal().getAnalysis(), containsString("small learning rate"));

    // Five requests: round 0; round 1 and its repair; round 2's failure and its one retry.
    List<ScriptedChatServer.Request> requests = server.requests();
    assertThat(requests, hasSize(5));
    for (ScriptedChatServer.Request request : requests) {
      assertThat(request.authorization(), equalTo("Bearer " + SENTINEL_KEY));
    }
    // Round r's prompt holds every result of the rounds before it, and nothing later.
    for (int round = 0; round < 3; round++) {
      String prompt = requests.get(round == 0 ? 0 : round == 1 ? 1 : 3).prompt();
      for (TrialResult r : log) {
        boolean earlier = r.getTrial().getRound() < round;
        assertThat(
            "round " + round + " prompt, trial " + r.getTrial().getTrialId(),
            prompt.contains("\n| " + r.getTrial().getTrialId() + " |"),
            equalTo(earlier));
      }
    }

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/proposals/llmCalls").asInt(), equalTo(5));
    assertThat(summary.at("/proposals/repairs").asInt(), equalTo(1));
    assertThat(summary.at("/proposals/fallbacks").asInt(), equalTo(3));
    assertThat(summary.at("/proposals/promptTokens").asInt(), equalTo(3000));

    // The report shows each round's analysis and what proposing cost.
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report, containsString("small learning rate"));
    assertThat(report, containsString("<td><b>all</b></td><td></td><td><b>5</b></td><td><b>3000</b></td>"));

    // The key is nowhere: not in the console, not in any output file (the report included).
    assertThat(console.toString(StandardCharsets.UTF_8), not(containsString(SENTINEL_KEY)));
    assertThat(console.toString(StandardCharsets.UTF_8), containsString("round 3/3"));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), not(containsString(SENTINEL_KEY)));
      }
    }

    // Replay into a new folder from the recorded cache: identical trials, no request reaches the server.
    Path replayed = tmp.newFolder("replayed").toPath();
    assertThat(
        tune(replayed, "--llmCache=replay", "--llmCacheDir=" + out.resolve("llm-cache")),
        equalTo(PipelineResult.State.DONE));
    assertThat(server.requests(), hasSize(5));
    List<TrialResult> again = StudyFixtures.trialLog(replayed);
    assertThat(
        again.stream().map(r -> r.getTrial().getParams()).toList(),
        equalTo(log.stream().map(r -> r.getTrial().getParams()).toList()));
    assertThat(again.stream().map(r -> r.getTrial().getProposer()).toList(), everyItem(in(List.of("default", "llm", "tpe"))));
    JsonNode replaySummary = new ObjectMapper().readTree(replayed.resolve("summary.json").toFile());
    assertThat(replaySummary.at("/proposals/cacheHits").asInt(), equalTo(3));
    assertThat(replaySummary.at("/proposals/llmCalls").asInt(), equalTo(0));
  }
}

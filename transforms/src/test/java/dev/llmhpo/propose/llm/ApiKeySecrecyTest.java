package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.registry.ProposerSettings;
import dev.llmhpo.propose.registry.Proposers;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A sentinel API key reaches the server's Authorization header and nothing else: logs, errors, cache, records. */
public class ApiKeySecrecyTest {
  private static final String SENTINEL = "sk-SENTINEL-7f3a9c1e5b";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private ScriptedChatServer server;
  private Path keyFile;
  private Path cacheDir;

  @Before
  public void start() throws IOException {
    server = ScriptedChatServer.openAi();
    keyFile = tmp.newFile("secret").toPath();
    Files.writeString(keyFile, SENTINEL + "\n");
    cacheDir = tmp.newFolder("cache").toPath();
  }

  @After
  public void stop() {
    server.close();
  }

  private LlmSettings settings() {
    return settings(keyFile.toString());
  }

  private LlmSettings settings(String apiKeyFile) {
    EndpointSettings endpoint = new EndpointSettings(Provider.OPENAI, server.baseUrl(), "scripted-model",
        "OPENAI_API_KEY", apiKeyFile, 0.7, 2048, Duration.ofSeconds(120), Duration.ofSeconds(360));
    return new LlmSettings(endpoint, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(60)),
        PromptSettings.of(8000), Studies.ANSWERS, new CacheSettings(CacheMode.RECORD, cacheDir.toString()), 0.5);
  }

  /** An answer whose analysis, rationale and a parameter value all echo the key. */
  private static String answerEchoingTheKey() {
    ObjectNode root = JSON.createObjectNode().put("analysis", "Your key is " + SENTINEL + ", thanks.");
    List<Map<String, Object>> configs = List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3));
    for (Map<String, Object> c : configs) {
      root.withArray("configs").addObject().put("rationale", "Sent with Bearer " + SENTINEL)
          .set("params", JSON.valueToTree(c));
    }
    root.withArray("configs").addObject().put("rationale", "bad").putObject("params").put("eta", SENTINEL);
    return root.toString();
  }

  @Test
  public void keyGoesOnlyIntoTheAuthorizationHeader() throws IOException {
    server.fail(500, Map.of(), "{\"error\": \"invalid header Authorization: Bearer " + SENTINEL + "\"}")
        .fail(401, Map.of(), "{\"error\": \"Incorrect API key provided: " + SENTINEL + "\"}")
        .answer(answerEchoingTheKey())
        .answer(answerEchoingTheKey());
    ProposerFactory factory = Proposers.factory("llm", ProposerSettings.of(TpeSettings.DEFAULTS, settings()));

    String logs;
    Proposal first;
    Proposal second;
    try (CapturedStderr log = new CapturedStderr()) {
      Proposer proposer = factory.create();
      first = proposer.propose(request(smallHistory(), 4));
      second = proposer.propose(request(smallHistory(), 4, 99L));
      logs = log.text() + first.info() + second.info();
    }

    assertEquals("Bearer " + SENTINEL, server.requests().get(0).header("Authorization"));
    assertThat("the endpoint's errors were logged", logs, containsString("HTTP 500"));
    assertThat(logs, containsString("HTTP 401"));
    assertThat(logs, not(containsString(SENTINEL)));
    assertThat("a repair quoted the bad value, redacted", server.requests().get(3).body(),
        containsString("eta: '[REDACTED]' is not a number"));
    for (ScriptedChatServer.Recorded r : server.requests()) {
      assertThat("request bodies, repairs included", r.body(), not(containsString(SENTINEL)));
    }
    for (ProposedConfig c : first.configs()) {
      assertThat(String.valueOf(c), not(containsString(SENTINEL)));
    }
    for (ProposedConfig c : second.configs()) {
      assertThat(String.valueOf(c), not(containsString(SENTINEL)));
    }
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path f : files.toList()) {
        assertThat(f.toString(), Files.readString(f), not(containsString(SENTINEL)));
      }
    }
    assertThat(settings().toString(), not(containsString(SENTINEL)));
    assertThat(factory.toString(), not(containsString(SENTINEL)));
    assertThat(serialised(factory), not(containsString(SENTINEL)));
  }

  @Test
  public void missingKeyFileFailsAtCreateNamingThePathOnly() {
    LlmSettings settings = settings(tmp.getRoot() + "/absent");

    RuntimeException e = assertThrows(
        RuntimeException.class, () -> LlmProposer.create(settings, ChatModelFactory::create, new TpeProposer()));

    assertThat(e.getMessage(), containsString("absent"));
  }

  private static String serialised(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}

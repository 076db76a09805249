package dev.llmhpo.propose.llm;

import static dev.llmhpo.propose.llm.Studies.answer;
import static dev.llmhpo.propose.llm.Studies.assertLabels;
import static dev.llmhpo.propose.llm.Studies.assertValidBatch;
import static dev.llmhpo.propose.llm.Studies.config;
import static dev.llmhpo.propose.llm.Studies.request;
import static dev.llmhpo.propose.llm.Studies.smallHistory;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.ResponseCache;
import dev.llmhpo.propose.llm.endpoint.ChatModelFactory;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ResponseCacheTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private ScriptedChatServer server;
  private Path cacheDir;
  private Path keyFile;

  @Before
  public void start() throws IOException {
    server = ScriptedChatServer.openAi();
    cacheDir = tmp.newFolder("cache").toPath();
    keyFile = tmp.newFile("key").toPath();
    Files.writeString(keyFile, "sk-cache-test");
  }

  @After
  public void stop() {
    server.close();
  }

  private Proposer proposer(CacheMode mode, String apiKeyFile) {
    EndpointSettings endpoint = new EndpointSettings(Provider.OPENAI, server.baseUrl(), "scripted-model",
        "OPENAI_API_KEY", apiKeyFile, 0.7, 2048, Duration.ofSeconds(120));
    LlmSettings settings = new LlmSettings(endpoint, RetryPolicy.of(3), PromptSettings.of(8000), Studies.ANSWERS,
        new CacheSettings(mode, cacheDir.toString()), 0.5);
    return LlmProposer.create(settings, ChatModelFactory::create, new TpeProposer());
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.toList();
    }
  }

  @Test
  public void replayReproducesARecordedRoundWithoutAnyRequest() throws IOException {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8))))
        .answer(answer(List.of(config(0.2, 3), config(0.07, 6))));
    ProposalRequest request = request(smallHistory(), 4);

    List<ProposedConfig> recorded = proposer(CacheMode.RECORD, keyFile.toString()).propose(request).configs();
    assertThat(server.requests(), hasSize(2));
    assertThat("the answer and its repair", cacheFiles(), hasSize(2));

    Proposer replaying = proposer(CacheMode.REPLAY, tmp.getRoot() + "/no-such-key-file");
    Proposal replayingProposal;
    try (CapturedStderr log = new CapturedStderr()) {
      replayingProposal = replaying.propose(request);
      assertThat(log.text(), containsString("replayed 2 answer(s) from the cache"));
    }
    List<ProposedConfig> replayed = replayingProposal.configs();

    assertEquals(recorded, replayed);
    assertLabels(replayed, 4, 0);
    assertThat("no request reached the server", server.requests(), hasSize(2));
    ProposalInfo info = replayingProposal.info();
    assertEquals(0, info.getLlmCalls());
    assertEquals(2, info.getCacheHits());
    assertEquals(1, info.getRepairs());
    assertEquals(0, info.getFallbacks());
  }

  @Test
  public void recordAnswersARepeatedQuestionFromTheCache() throws IOException {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6))));
    ProposalRequest request = request(smallHistory(), 4);

    List<ProposedConfig> first = proposer(CacheMode.RECORD, keyFile.toString()).propose(request).configs();
    Proposer again = proposer(CacheMode.RECORD, keyFile.toString());
    Proposal againProposal = again.propose(request);
    List<ProposedConfig> second = againProposal.configs();

    assertEquals(first, second);
    assertThat("a restarted round asks nothing new", server.requests(), hasSize(1));
    assertEquals(1, againProposal.info().getCacheHits());
    assertEquals(0, againProposal.info().getLlmCalls());
  }

  @Test
  public void replayMissFallsBackWithoutCallingTheEndpoint() throws IOException {
    server.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6))));
    proposer(CacheMode.RECORD, keyFile.toString()).propose(request(smallHistory(), 4, 42L));

    ProposalRequest otherSeed = request(smallHistory(), 4, 43L);
    Proposer replaying = proposer(CacheMode.REPLAY, keyFile.toString());
    Proposal replayingProposal = replaying.propose(otherSeed);
    List<ProposedConfig> batch = replayingProposal.configs();

    assertValidBatch(otherSeed, batch);
    assertLabels(batch, 0, 4);
    assertEquals(4, replayingProposal.info().getFallbacks());
    assertEquals(0, replayingProposal.info().getLlmCalls());
    assertThat(server.requests(), hasSize(1));
  }

  @Test
  public void storeThenLookupByKey() throws IOException {
    ResponseCache cache = new ResponseCache(CacheMode.RECORD, cacheDir);
    ObjectNode description = JsonNodeFactory.instance.objectNode().put("model", "m").put("seed", 1);
    String key = ResponseCache.key(description);

    assertEquals(Optional.empty(), cache.lookup(key));
    cache.store(key, description, "{\"configs\": []}");

    assertEquals(Optional.of("{\"configs\": []}"), cache.lookup(key));
    assertTrue(key.matches("[0-9a-f]{64}"));
    assertEquals(List.of(cacheDir.resolve(key + ".json")), cacheFiles());
    assertNotEquals(key, ResponseCache.key(description.deepCopy().put("seed", 2)));
  }
}

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

import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.schema.ProposalInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The response cache as a study uses it: record answers, answer a repeated question from them, replay them. */
public class RecordReplayTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private final ScriptedChatModel model = new ScriptedChatModel();
  private Path cacheDir;
  private Path keyFile;

  @Before
  public void folders() throws IOException {
    cacheDir = tmp.newFolder("cache").toPath();
    keyFile = tmp.newFile("key").toPath();
    Files.writeString(keyFile, "sk-cache-test");
  }

  /** An OpenAI-compatible proposer, whose key file must exist unless the cache replays. */
  private Proposer proposer(CacheMode mode, String apiKeyFile) {
    EndpointSettings endpoint = new EndpointSettings(Provider.OPENAI, "http://127.0.0.1:9/v1", "scripted-model",
        "OPENAI_API_KEY", apiKeyFile, 0.7, 2048, Duration.ofSeconds(1), Duration.ofSeconds(3));
    LlmSettings settings = new LlmSettings(endpoint, RetryPolicy.of(0), PromptSettings.of(8000), Studies.ANSWERS,
        new CacheSettings(mode, cacheDir.toString()), 0.5);
    return LlmProposer.create(settings, model.source(), new TpeProposer());
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.toList();
    }
  }

  @Test
  public void replayReproducesARecordedRoundWithoutAnyRequest() throws IOException {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8))))
        .answer(answer(List.of(config(0.2, 3), config(0.07, 6))));
    ProposalRequest request = request(smallHistory(), 4);

    List<ProposedConfig> recorded = proposer(CacheMode.RECORD, keyFile.toString()).propose(request).configs();
    assertThat(model.requests(), hasSize(2));
    assertThat("the answer and its repair", cacheFiles(), hasSize(2));

    Proposer replaying = proposer(CacheMode.REPLAY, tmp.getRoot() + "/no-such-key-file");
    Proposal replayed;
    try (CapturedStderr log = new CapturedStderr()) {
      replayed = replaying.propose(request);
      assertThat(log.text(), containsString("replayed 2 answer(s) from the cache"));
    }

    assertEquals(recorded, replayed.configs());
    assertLabels(replayed.configs(), 4, 0);
    assertThat("no request reached the chat model", model.requests(), hasSize(2));
    ProposalInfo info = replayed.info();
    assertEquals(0, info.getLlmCalls());
    assertEquals(2, info.getCacheHits());
    assertEquals(1, info.getRepairs());
    assertEquals(0, info.getFallbacks());
  }

  @Test
  public void recordAnswersARepeatedQuestionFromTheCache() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6))));
    ProposalRequest request = request(smallHistory(), 4);

    List<ProposedConfig> first = proposer(CacheMode.RECORD, keyFile.toString()).propose(request).configs();
    Proposal again = proposer(CacheMode.RECORD, keyFile.toString()).propose(request);

    assertEquals(first, again.configs());
    assertThat("a restarted round asks nothing new", model.requests(), hasSize(1));
    assertEquals(1, again.info().getCacheHits());
    assertEquals(0, again.info().getLlmCalls());
  }

  @Test
  public void aFiveMegabyteAnswerIsUsedButNotCached() throws IOException {
    String huge = answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6)))
        + "\nAnd some notes: " + "x".repeat(5 * 1024 * 1024);
    model.answer(huge);
    ProposalRequest request = request(smallHistory(), 4);

    Proposal proposal;
    String logs;
    try (CapturedStderr log = new CapturedStderr()) {
      proposal = proposer(CacheMode.RECORD, keyFile.toString()).propose(request);
      logs = log.text();
    }

    assertLabels(proposal.configs(), 4, 0);
    assertThat(cacheFiles(), hasSize(0));
    assertThat(logs, containsString("above the cache's cap of 262144 bytes"));
  }

  @Test
  public void replayMissFallsBackWithoutCallingTheChatModel() {
    model.answer(answer(List.of(config(0.1, 5), config(0.02, 8), config(0.2, 3), config(0.07, 6))));
    proposer(CacheMode.RECORD, keyFile.toString()).propose(request(smallHistory(), 4, 42L));

    ProposalRequest otherSeed = request(smallHistory(), 4, 43L);
    Proposal proposal = proposer(CacheMode.REPLAY, keyFile.toString()).propose(otherSeed);

    assertValidBatch(otherSeed, proposal.configs());
    assertLabels(proposal.configs(), 0, 4);
    assertEquals(4, proposal.info().getFallbacks());
    assertEquals(0, proposal.info().getLlmCalls());
    assertThat(model.requests(), hasSize(1));
  }
}

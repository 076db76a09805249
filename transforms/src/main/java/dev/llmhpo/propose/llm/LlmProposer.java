package dev.llmhpo.propose.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.llmhpo.propose.Proposal;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.cache.ResponseCache;
import dev.llmhpo.propose.llm.endpoint.ApiKeyReader;
import dev.llmhpo.propose.llm.endpoint.ChatEndpoint;
import dev.llmhpo.propose.llm.endpoint.ChatModelSource;
import dev.llmhpo.propose.llm.endpoint.ChatTurn;
import dev.llmhpo.propose.llm.endpoint.ChatUnavailableException;
import dev.llmhpo.propose.llm.endpoint.RoundDeadline;
import dev.llmhpo.propose.llm.guard.AnswerFormat;
import dev.llmhpo.propose.llm.guard.AnswerSettings;
import dev.llmhpo.propose.llm.guard.ConfigGuard;
import dev.llmhpo.propose.llm.guard.OutputParser;
import dev.llmhpo.propose.llm.guard.OutputParser.ParsedAnswer;
import dev.llmhpo.propose.llm.prompt.PromptBuilder;
import dev.llmhpo.propose.llm.text.CleanText;
import dev.llmhpo.propose.llm.text.SecretRedactor;
import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a chat model for each round's configurations: one request, at most one repair request listing what was
 * wrong, all within the round's timeout, and the fallback proposer for whatever is still missing, including
 * everything when the endpoint fails or the time runs out.
 * Configurations are labelled {@code llm}, or with the fallback's name when it made them. Never throws because of
 * the endpoint or its answers.
 */
public final class LlmProposer implements Proposer {
  public static final String NAME = "llm";
  private static final Logger LOG = LoggerFactory.getLogger(LlmProposer.class);
  private static final int MAX_ANALYSIS_CHARS = 1000;
  private static final String BASELINE = "the defaults, already in this batch as the baseline";
  private static final String IN_BATCH = "a configuration already in this batch";

  private final PromptBuilder prompts;
  private final ChatEndpoint endpoint;
  private final AnswerSettings answers;
  private final Duration roundTimeout;
  private final Proposer fallback;
  private final SecretRedactor redactor;

  private LlmProposer(PromptBuilder prompts, ChatEndpoint endpoint, Duration roundTimeout, AnswerSettings answers,
      Proposer fallback, SecretRedactor redactor) {
    this.prompts = prompts;
    this.endpoint = endpoint;
    this.roundTimeout = roundTimeout;
    this.answers = answers;
    this.fallback = fallback;
    this.redactor = redactor;
  }

  /**
   * The proposer, built where it runs: the API key is read and the chat model opened here, on the worker, and not at
   * all when the cache replays. {@code fallback} fills whatever the chat model does not deliver.
   */
  public static LlmProposer create(LlmSettings settings, ChatModelSource chatModels, Proposer fallback) {
    ResponseCache cache = ResponseCache.from(settings.cache());
    ChatModel model = null;
    SecretRedactor redactor = SecretRedactor.of(null);
    if (cache.mode() != CacheMode.REPLAY) {
      String apiKey = ApiKeyReader.read(settings.endpoint());
      model = chatModels.open(settings.endpoint(), apiKey);
      redactor = SecretRedactor.of(apiKey);
    }
    ChatEndpoint endpoint = new ChatEndpoint(model, settings.endpoint(), settings.retry(), cache, redactor);
    return new LlmProposer(new PromptBuilder(settings.prompt()), endpoint, settings.endpoint().roundTimeout(),
        settings.answer(), fallback, redactor);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    ProposalTally tally = new ProposalTally();
    Map<String, String> taken = takenKeys(request);
    boolean defaultsInBatch = BASELINE.equals(taken.get(request.space().canonicalKey(request.space().defaults())));
    List<ProposedConfig> batch = new ArrayList<>();
    int wanted = request.n();
    if (wanted > 0) {
      batch.addAll(askChatModel(request, defaultsInBatch, taken, tally));
    }
    int missing = request.n() - batch.size();
    if (missing > 0) {
      batch.addAll(fallback.propose(request.withN(missing).plusPending(batch)).configs());
      tally.fallbacks(missing);
    }
    ProposalInfo info = tally.toInfo();
    if (tally.cacheHits() > 0) {
      LOG.info("round {}: replayed {} answer(s) from the cache", request.round(), tally.cacheHits());
    }
    LOG.info("round {}: {} configuration(s) from the chat model, {} from {} ({} request(s), {} repair(s))",
        request.round(), wanted - missing, missing, fallback.name(), info.getLlmCalls(), info.getRepairs());
    return new Proposal(batch, info, tally.counts());
  }

  /** Up to {@code wanted} valid, new configurations from the chat model; fewer (or none) when it cannot deliver. */
  private List<ProposedConfig> askChatModel(ProposalRequest request, boolean defaultsInBatch,
      Map<String, String> taken, ProposalTally tally) {
    int wanted = request.n();
    ConfigGuard guard = new ConfigGuard(request.space(), answers.outOfRange(), redactor, NAME);
    ResponseFormat format = AnswerFormat.of(answers.format(), request.space());
    List<ChatTurn> prompt = prompts.build(request, defaultsInBatch);
    List<ProposedConfig> accepted = new ArrayList<>();
    RoundDeadline round = RoundDeadline.after(roundTimeout);
    try {
      String answer = endpoint.ask(prompt, format, request.seed(), round, tally);
      ParsedAnswer parsed = OutputParser.parse(answer);
      tally.analysisIfNone(analysis(parsed));
      ConfigGuard.Verdict first = guard.check(parsed.configs(), taken, wanted, 1);
      accepted.addAll(first.accepted());
      int missing = wanted - accepted.size();
      if (missing == 0) {
        return accepted;
      }
      List<String> problems = parsed.problem() != null ? List.of(parsed.problem()) : first.problems();
      LOG.info("round {}: {} of {} configurations usable, asking for a repair: {}",
          request.round(), accepted.size(), wanted, problems);
      tally.repair();
      List<ChatTurn> repair = PromptBuilder.repair(prompt, answer, problems, accepted.size(), missing);
      ParsedAnswer repaired = OutputParser.parse(endpoint.ask(repair, format, request.seed(), round, tally));
      tally.analysisIfNone(analysis(repaired));
      ConfigGuard.Verdict second = guard.check(repaired.configs(), taken, missing, 2);
      accepted.addAll(second.accepted());
      if (accepted.size() < wanted) {
        LOG.info("round {}: the repair left {} missing: {}", request.round(), wanted - accepted.size(),
            repaired.problem() != null ? repaired.problem() : second.problems());
      }
    } catch (ChatUnavailableException e) {
      LOG.warn("round {}: no answer from the chat endpoint, using {}: {}",
          request.round(), fallback.name(), e.getMessage());
    }
    return accepted;
  }

  /** Where each taken configuration came from, by canonical key, in the words a repair request quotes. */
  private static Map<String, String> takenKeys(ProposalRequest request) {
    SearchSpace space = request.space();
    String defaults = space.canonicalKey(space.defaults());
    Map<String, String> keys = new HashMap<>();
    for (TrialResult r : request.history()) {
      keys.put(space.canonicalKey(r.getTrial().getParams()), "trial " + r.getTrial().getTrialId() + " in the history");
    }
    for (ProposedConfig c : request.pending()) {
      String key = space.canonicalKey(c.params());
      keys.putIfAbsent(key, key.equals(defaults) ? BASELINE : IN_BATCH);
    }
    return keys;
  }

  private String analysis(ParsedAnswer parsed) {
    return parsed.analysis() == null ? null : CleanText.clean(redactor.redact(parsed.analysis()), MAX_ANALYSIS_CHARS);
  }
}

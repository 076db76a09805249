package dev.llmhpo.propose.registry;

import dev.llmhpo.propose.Proposer;
import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.llm.LlmProposer;
import dev.llmhpo.propose.llm.LlmTpeProposer;
import dev.llmhpo.propose.random.LatinHypercubeProposer;
import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.propose.tpe.TpeProposer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The built-in proposers by name, one line each; the shared contract test runs every one of them. */
public final class Proposers {
  private record Entry(boolean usesChatModel, Function<ProposerSettings, Proposer> build) {}

  private static final Map<String, Entry> BUILT_INS = new LinkedHashMap<>();

  static {
    add(RandomProposer.NAME, s -> new RandomProposer());
    add(TpeProposer.NAME, s -> new TpeProposer(s.tpe()));
    addChat(LlmProposer.NAME, s -> LlmProposer.create(s.llm(), s.chatModels(), new TpeProposer(s.tpe())));
    addChat(LlmTpeProposer.NAME, s -> LlmTpeProposer.create(s.llm(), s.chatModels(), new TpeProposer(s.tpe())));
    add(LatinHypercubeProposer.NAME, s -> new LatinHypercubeProposer());
  }

  private Proposers() {}

  private static void add(String name, Function<ProposerSettings, Proposer> build) {
    BUILT_INS.put(name, new Entry(false, build));
  }

  /** A proposer that asks a chat model, and so needs {@link ProposerSettings#llm()}. */
  private static void addChat(String name, Function<ProposerSettings, Proposer> build) {
    BUILT_INS.put(name, new Entry(true, build));
  }

  public static List<String> names() {
    return List.copyOf(BUILT_INS.keySet());
  }

  /** Whether the proposer asks a chat model; IllegalArgumentException listing the names for an unknown one. */
  public static boolean usesChatModel(String name) {
    return entry(name).usesChatModel();
  }

  /** A new proposer of the given name; IllegalArgumentException listing the names for an unknown one. */
  public static Proposer create(String name, ProposerSettings settings) {
    return entry(name, settings).build().apply(settings);
  }

  /**
   * The serialisable recipe of the given proposer, which builds it on the worker; checked here, so that a bad name
   * or missing LLM settings fail before the job starts.
   */
  public static ProposerFactory factory(String name, ProposerSettings settings) {
    entry(name, settings);
    return new Recipe(name, settings);
  }

  private static Entry entry(String name, ProposerSettings settings) {
    Entry entry = entry(name);
    if (entry.usesChatModel() && settings.llm() == null) {
      throw new IllegalArgumentException("proposer '" + name + "' asks a chat model and needs the LLM settings");
    }
    return entry;
  }

  private static Entry entry(String name) {
    Entry entry = BUILT_INS.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("unknown proposer '" + name + "'; built-in proposers: " + names());
    }
    return entry;
  }

  private record Recipe(String name, ProposerSettings settings) implements ProposerFactory {
    @Override
    public Proposer create() {
      return Proposers.create(name, settings);
    }
  }
}

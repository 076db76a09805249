package dev.llmhpo.propose;

import dev.llmhpo.propose.random.RandomProposer;
import dev.llmhpo.propose.tpe.TpeProposer;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The built-in proposers by name. */
public final class Proposers {
  private static final Map<String, Function<TpeSettings, Proposer>> BUILT_INS = new LinkedHashMap<>();

  static {
    BUILT_INS.put(RandomProposer.NAME, tpe -> new RandomProposer());
    BUILT_INS.put(TpeProposer.NAME, TpeProposer::new);
  }

  private Proposers() {}

  /** A new proposer of the given built-in name, TPE with its defaults; IllegalArgumentException listing the names otherwise. */
  public static Proposer create(String name) {
    return create(name, TpeSettings.DEFAULTS);
  }

  /** A new proposer of the given built-in name, TPE with {@code tpe}; IllegalArgumentException listing the names otherwise. */
  public static Proposer create(String name, TpeSettings tpe) {
    Function<TpeSettings, Proposer> proposer = BUILT_INS.get(name);
    if (proposer == null) {
      throw new IllegalArgumentException("unknown proposer '" + name + "'; built-in proposers: " + builtInNames());
    }
    return proposer.apply(tpe);
  }

  public static List<String> builtInNames() {
    return List.copyOf(BUILT_INS.keySet());
  }
}

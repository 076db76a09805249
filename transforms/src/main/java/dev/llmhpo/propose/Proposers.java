package dev.llmhpo.propose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in proposers by name. */
public final class Proposers {
  private static final Map<String, Supplier<Proposer>> BUILT_INS = new LinkedHashMap<>();

  static {
    BUILT_INS.put(RandomProposer.NAME, RandomProposer::new);
    BUILT_INS.put(TpeProposer.NAME, TpeProposer::new);
  }

  private Proposers() {}

  /** A new proposer of the given built-in name; IllegalArgumentException listing the names otherwise. */
  public static Proposer create(String name) {
    Supplier<Proposer> proposer = BUILT_INS.get(name);
    if (proposer == null) {
      throw new IllegalArgumentException("unknown proposer '" + name + "'; built-in proposers: " + builtInNames());
    }
    return proposer.get();
  }

  public static List<String> builtInNames() {
    return List.copyOf(BUILT_INS.keySet());
  }
}

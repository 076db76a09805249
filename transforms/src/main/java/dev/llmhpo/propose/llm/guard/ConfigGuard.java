package dev.llmhpo.propose.llm.guard;

import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.llm.guard.OutputParser.RawConfig;
import dev.llmhpo.propose.llm.text.CleanText;
import dev.llmhpo.propose.llm.text.SecretRedactor;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.OutOfRange;
import dev.llmhpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the configurations the chat model wrote into valid, new ones: types coerced, numbers clipped or rejected
 * by the settings' policy, unknown categories rejected, unknown parameters dropped, missing ones filled from the
 * defaults, duplicates of the history or of the batch refused. Everything it changed or refused is described in
 * words the repair request can quote.
 */
public final class ConfigGuard {
  private static final int MAX_RATIONALE_CHARS = 300;
  private static final int MAX_PROBLEM_CHARS = 200;

  /** The accepted configurations, in answer order, and what was wrong with the answer. */
  public record Verdict(List<ProposedConfig> accepted, List<String> problems) {}

  private final SearchSpace space;
  private final OutOfRange outOfRange;
  private final SecretRedactor redactor;
  private final String label;

  /** {@code label} names the proposer in every configuration accepted. */
  public ConfigGuard(SearchSpace space, OutOfRange outOfRange, SecretRedactor redactor, String label) {
    this.space = space;
    this.outOfRange = outOfRange;
    this.redactor = redactor;
    this.label = label;
  }

  /**
   * Accepts up to {@code wanted} configurations of answer number {@code answer}. {@code taken} maps the canonical
   * key of every configuration already in the history or the batch to where it came from; accepted ones are added.
   */
  public Verdict check(List<RawConfig> configs, Map<String, String> taken, int wanted, int answer) {
    List<ProposedConfig> accepted = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (configs.size() < wanted) {
      problems.add("the answer held " + configs.size() + " configuration(s), " + wanted + " were asked for");
    }
    for (int i = 0; i < configs.size() && accepted.size() < wanted; i++) {
      String name = "config " + (i + 1);
      List<String> wrong = new ArrayList<>();
      Map<String, Object> coerced = coerce(configs.get(i).params(), wrong);
      if (coerced != null) {
        String key = space.canonicalKey(coerced);
        String earlier = taken.get(key);
        if (earlier != null) {
          wrong.add("same configuration as " + earlier);
        } else {
          taken.put(key, name + " of answer " + answer);
          accepted.add(new ProposedConfig(coerced, label, rationale(configs.get(i).rationale())));
        }
      }
      if (!wrong.isEmpty()) {
        problems.add(name + ": " + String.join("; ", wrong));
      }
    }
    return new Verdict(accepted, problems);
  }

  /** The configuration inside the space, or null when a value cannot be used; notes go to {@code wrong}. */
  private Map<String, Object> coerce(Map<String, Object> raw, List<String> wrong) {
    Map<String, Object> known = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> names = space.names();
    raw.forEach((name, value) -> {
      if (!names.contains(name)) {
        unknown.add(name);
      } else {
        known.put(name, value);
      }
    });
    if (!unknown.isEmpty()) {
      wrong.add("unknown parameter(s) " + clean(String.join(", ", unknown)) + " ignored");
    }
    List<String> missing = new ArrayList<>();
    boolean usable = true;
    for (SearchParam p : space.params()) {
      Object value = known.get(p.getName());
      if (value == null) {
        missing.add(p.getName());
        continue;
      }
      try {
        space.coerce(p.getName(), value, outOfRange);
      } catch (RuntimeException e) {
        wrong.add(clean(e.getMessage() == null ? p.getName() + " has an unusable value" : e.getMessage()));
        usable = false;
      }
    }
    if (!missing.isEmpty()) {
      wrong.add("missing " + String.join(", ", missing) + " (filled with the default)");
    }
    if (!usable) {
      return null;
    }
    Map<String, Object> config = space.coerce(known, outOfRange);
    if (!space.contains(config)) {
      wrong.add("not inside the search space after coercion");
      return null;
    }
    return config;
  }

  private String rationale(String text) {
    return text == null ? null : CleanText.clean(redactor.redact(text), MAX_RATIONALE_CHARS);
  }

  private String clean(String text) {
    return CleanText.clean(redactor.redact(text), MAX_PROBLEM_CHARS);
  }
}

package dev.llmhpo.pipelines;

import java.util.regex.Pattern;

/** Which strings a message must not echo, because they may be an API key pasted into the wrong place. */
final class Secrets {
  /** Known key prefixes (OpenAI's sk-, Anthropic's sk-ant-, Hugging Face's hf_, GitHub's ghp_ and the like). */
  private static final Pattern PREFIXED = Pattern.compile("^(sk|hf|ghp|gho|xox[bap]|AKIA|AIza)[-_A-Za-z0-9]{8,}.*");
  /** A long unbroken run of letters and digits with both in it, as random tokens are. */
  private static final Pattern TOKEN = Pattern.compile("^(?=.*[0-9])(?=.*[A-Za-z])[-_A-Za-z0-9+/=.]{24,}$");

  private Secrets() {}

  static boolean looksLikeKey(String value) {
    return value != null && (PREFIXED.matcher(value).matches() || TOKEN.matcher(value).matches());
  }
}

package dev.llmhpo.propose.llm.text;

import java.util.regex.Pattern;

/** Blanks the API key out of text that may reach logs, exceptions, caches or trial records. */
public final class SecretRedactor {
  private static final String MASK = "[REDACTED]";
  // Also any bearer token, in case an endpoint echoes request headers in an error body.
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final SecretRedactor NONE = new SecretRedactor(null);

  private final String secret;

  private SecretRedactor(String secret) {
    this.secret = secret;
  }

  public static SecretRedactor of(String secret) {
    return secret == null || secret.isEmpty() ? NONE : new SecretRedactor(secret);
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = secret == null ? text : text.replace(secret, MASK);
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }
}

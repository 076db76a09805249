package dev.llmhpo.propose.llm.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the API key on the worker, from the settings' key file or environment variable. */
public final class ApiKeyReader {
  private ApiKeyReader() {}

  /** The key, or null for a provider that needs none. Errors name where the key was looked for, never the key. */
  public static String read(EndpointSettings settings) {
    if (settings.provider() != EndpointSettings.Provider.OPENAI) {
      return null;
    }
    String key;
    String source;
    if (settings.apiKeyFile() != null && !settings.apiKeyFile().isBlank()) {
      source = "file " + settings.apiKeyFile();
      try {
        key = Files.readString(Path.of(settings.apiKeyFile()), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the API key from " + source, e);
      }
    } else {
      source = "environment variable " + settings.apiKeyEnv();
      key = System.getenv(settings.apiKeyEnv());
    }
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("no API key in " + source);
    }
    return key;
  }
}

package dev.llmhpo.propose.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Chat answers on disk, one JSON file per request named by the SHA-256 of the request's description (provider,
 * model, sampling parameters, response format, seed and every message), so a recorded study can be replayed without
 * the endpoint. Files hold the request description and the answer text; the API key is in neither.
 */
public final class ResponseCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CacheMode mode;
  private final Path dir;

  public ResponseCache(CacheMode mode, Path dir) {
    this.mode = mode;
    this.dir = dir;
  }

  public static ResponseCache from(CacheSettings settings) {
    return new ResponseCache(settings.mode(), settings.mode() == CacheMode.OFF ? null : Path.of(settings.dir()));
  }

  public CacheMode mode() {
    return mode;
  }

  /** The SHA-256 of the description's compact JSON; fields keep the order they were added in. */
  public static String key(ObjectNode requestDescription) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(requestDescription.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public Optional<String> lookup(String key) {
    try {
      JsonNode entry = JSON.readTree(Files.readString(file(key), StandardCharsets.UTF_8));
      return Optional.of(entry.path("answer").asText(""));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached answer " + file(key), e);
    }
  }

  /** Writes to a temporary file first, then moves it into place, so a reader never sees half an entry. */
  public void store(String key, ObjectNode requestDescription, String answer) {
    ObjectNode entry = JSON.createObjectNode();
    entry.set("request", requestDescription);
    entry.put("answer", answer);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cached answer " + file(key), e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key + ".json");
  }
}

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat answers on disk, one JSON file per request named by the SHA-256 of the request's description (provider,
 * model, sampling parameters, response format, seed and every message), so a recorded study can be replayed without
 * the endpoint. Files hold the request description and the answer text; the API key is in neither.
 *
 * <p>An answer above {@link #MAX_ANSWER_BYTES} is not stored, and the log says so: no proposal needs that much, and
 * a cut answer would replay differently from the one the study used. A replay misses it instead (TPE proposes that
 * round, counted as fallbacks), and a rerun in record mode asks the endpoint again.
 */
public final class ResponseCache {
  /** The largest answer stored, in UTF-8 bytes: 256 KiB, many times what a real proposal holds. */
  static final int MAX_ANSWER_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);
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

  /**
   * Writes to a temporary file first, then moves it into place, so a reader never sees half an entry; an answer
   * above the cap is not written.
   */
  public void store(String key, ObjectNode requestDescription, String answer) {
    int bytes = answer.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ANSWER_BYTES) {
      LOG.warn("answer {} not cached: {} bytes, above the cache's cap of {} bytes; a replay of it will miss",
          key, bytes, MAX_ANSWER_BYTES);
      return;
    }
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

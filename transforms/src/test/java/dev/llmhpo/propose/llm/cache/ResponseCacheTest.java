package dev.llmhpo.propose.llm.cache;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ResponseCacheTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void storeThenLookupByKey() throws IOException {
    Path cacheDir = tmp.newFolder("cache").toPath();
    ResponseCache cache = new ResponseCache(CacheMode.RECORD, cacheDir);
    ObjectNode description = JsonNodeFactory.instance.objectNode().put("model", "m").put("seed", 1);
    String key = ResponseCache.key(description);

    assertEquals(Optional.empty(), cache.lookup(key));
    cache.store(key, description, "{\"configs\": []}");

    assertEquals(Optional.of("{\"configs\": []}"), cache.lookup(key));
    assertTrue(key.matches("[0-9a-f]{64}"));
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertEquals(List.of(cacheDir.resolve(key + ".json")), files.toList());
    }
    assertNotEquals(key, ResponseCache.key(description.deepCopy().put("seed", 2)));
  }

  @Test
  public void answersAboveTheCapAreNotStored() throws IOException {
    Path cacheDir = tmp.newFolder("cache").toPath();
    ResponseCache cache = new ResponseCache(CacheMode.RECORD, cacheDir);
    ObjectNode atCap = JsonNodeFactory.instance.objectNode().put("seed", 1);
    ObjectNode overCap = JsonNodeFactory.instance.objectNode().put("seed", 2);
    ObjectNode fiveMegabytes = JsonNodeFactory.instance.objectNode().put("seed", 3);

    cache.store(ResponseCache.key(atCap), atCap, "é".repeat(ResponseCache.MAX_ANSWER_BYTES / 2));
    cache.store(ResponseCache.key(overCap), overCap, "é".repeat(ResponseCache.MAX_ANSWER_BYTES / 2) + "e");
    cache.store(ResponseCache.key(fiveMegabytes), fiveMegabytes, "x".repeat(5 * 1024 * 1024));

    assertTrue("at the cap, counted in UTF-8 bytes", cache.lookup(ResponseCache.key(atCap)).isPresent());
    assertEquals(Optional.empty(), cache.lookup(ResponseCache.key(overCap)));
    assertEquals(Optional.empty(), cache.lookup(ResponseCache.key(fiveMegabytes)));
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertEquals("no temporary files left either", 1, files.count());
    }
  }
}

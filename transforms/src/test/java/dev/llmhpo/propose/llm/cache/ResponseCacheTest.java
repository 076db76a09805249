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
}

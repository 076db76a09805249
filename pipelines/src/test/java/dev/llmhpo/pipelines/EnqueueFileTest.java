package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --enqueue=FILE}: JSON or YAML lists of configurations, filled from the space's defaults, checked by key. */
public class EnqueueFileTest {
  private static final SearchSpace SPACE = SearchSpace.xgboostDefault();

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path file(String name, String text) throws Exception {
    Path file = tmp.getRoot().toPath().resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static Map<String, Object> defaultsWith(Map<String, Object> given) {
    Map<String, Object> config = new java.util.LinkedHashMap<>(SPACE.defaults());
    config.putAll(given);
    return config;
  }

  @Test
  public void aJsonListOfPartialConfigurationsIsFilledFromTheDefaults() throws Exception {
    Path json = file("warm.json", "[{\"eta\": 0.05, \"max_depth\": 6}, {\"subsample\": 0.8, \"max_bin\": 128}]");

    List<Map<String, Object>> configs = EnqueueFile.read(json, SPACE);

    assertThat(configs, equalTo(List.of(
        defaultsWith(Map.of("eta", 0.05, "max_depth", 6L)), defaultsWith(Map.of("subsample", 0.8, "max_bin", 128L)))));
    assertThat("in space order", List.copyOf(configs.get(0).keySet()), equalTo(SPACE.names()));
  }

  @Test
  public void aYamlListReadsTheSame() throws Exception {
    Path yaml = file("warm.yaml", "- {eta: 0.05, max_depth: 6}\n- subsample: 0.8\n  max_bin: 128\n");
    Path json = file("warm.json", "[{\"eta\": 0.05, \"max_depth\": 6}, {\"subsample\": 0.8, \"max_bin\": 128}]");

    assertThat(EnqueueFile.read(yaml, SPACE), equalTo(EnqueueFile.read(json, SPACE)));
    assertThat(EnqueueFile.read(file("none.yaml", "[]\n"), SPACE), hasSize(0));
  }

  @Test
  public void aValueOutsideTheSpaceIsRefusedNamingTheFileTheEntryAndTheKey() throws Exception {
    Path json = file("warm.json", "[{\"eta\": 0.05}, {\"eta\": 0.1, \"max_depth\": 13}]");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(json, SPACE));
    assertThat(e.getMessage(), equalTo("--enqueue=" + json + ": entry 2: max_depth: 13 is outside [2, 12]"));
  }

  @Test
  public void aKeyTheSpaceLacksIsRefusedWithTheClosestName() throws Exception {
    Path yaml = file("warm.yaml", "- {eta: 0.05}\n- {eta: 0.05}\n- {max_dept: 4}\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(yaml, SPACE));
    assertThat(e.getMessage(), equalTo("--enqueue=" + yaml + ": entry 3: max_dept: not a parameter of the search space"
        + " (did you mean max_depth?); it has " + SPACE.names()));
  }

  @Test
  public void whatIsNoListOfConfigurationsIsNamed() throws Exception {
    Path object = file("object.json", "{\"eta\": 0.05}");
    assertThat(assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(object, SPACE)).getMessage(),
        equalTo("--enqueue=" + object + ": expected a list of configurations, such as [{\"eta\": 0.05, \"max_depth\": 6}]"));
    Path words = file("words.yaml", "- {eta: fast}\n");
    assertThat(assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(words, SPACE)).getMessage(),
        equalTo("--enqueue=" + words + ": entry 1: eta: 'fast' is not a number"));
    Path nested = file("nested.yaml", "- {eta: [0.1, 0.2]}\n");
    assertThat(assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(nested, SPACE)).getMessage(),
        equalTo("--enqueue=" + nested + ": entry 1: eta: expected a value, not a list or an object"));
    Path missing = tmp.getRoot().toPath().resolve("gone.yaml");
    assertThat(assertThrows(IllegalArgumentException.class, () -> EnqueueFile.read(missing, SPACE)).getMessage(),
        equalTo("--enqueue=" + missing + ": no such file"));
  }
}

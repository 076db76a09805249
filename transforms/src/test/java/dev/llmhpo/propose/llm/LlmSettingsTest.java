package dev.llmhpo.propose.llm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.propose.llm.cache.CacheSettings;
import dev.llmhpo.propose.llm.cache.CacheSettings.CacheMode;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings;
import dev.llmhpo.propose.llm.endpoint.EndpointSettings.Provider;
import dev.llmhpo.propose.llm.endpoint.RetryPolicy;
import dev.llmhpo.propose.llm.prompt.PromptSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.Test;

public class LlmSettingsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static EndpointSettings ollama(String model) {
    return new EndpointSettings(Provider.OLLAMA, Provider.OLLAMA.defaultBaseUrl(), model, null, null, 0.7, 2048,
        MINUTE, MINUTE.multipliedBy(3));
  }

  private static LlmSettings settings(EndpointSettings endpoint, CacheSettings cache, double llmShare) {
    return new LlmSettings(endpoint, RetryPolicy.of(3), PromptSettings.of(8000), Studies.ANSWERS, cache, llmShare);
  }

  @Test
  public void defaultsBeyondTheOptions() {
    assertEquals("https://api.openai.com/v1", Provider.OPENAI.defaultBaseUrl());
    assertEquals("http://localhost:11434", Provider.OLLAMA.defaultBaseUrl());
    assertEquals(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60)), RetryPolicy.of(3));
    assertEquals(new PromptSettings(8000, 20, 10, false), PromptSettings.of(8000));
  }

  @Test
  public void settingsSurviveJavaSerialisation() throws Exception {
    LlmSettings s = settings(ollama("llama3.1"), new CacheSettings(CacheMode.RECORD, "/tmp/cache"), 0.5);

    assertEquals(s, roundTrip(s));
  }

  @Test
  public void rejectsInconsistentSettings() {
    assertThrows(IllegalArgumentException.class, () -> ollama(" "));
    assertThrows(IllegalArgumentException.class,
        () -> new EndpointSettings(Provider.OPENAI, "http://h/v1", "m", null, " ", 0.7, 2048, MINUTE, MINUTE));
    assertThrows(IllegalArgumentException.class,
        () -> new EndpointSettings(Provider.OLLAMA, "http://h", "m", null, null, 0.7, 0, MINUTE, MINUTE));
    assertThrows(IllegalArgumentException.class,
        () -> new EndpointSettings(Provider.OLLAMA, "http://h", "m", null, null, 0.7, 2048, MINUTE, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new EndpointSettings(
        Provider.OLLAMA, "http://h", "m", null, null, 0.7, 2048, Duration.ofSeconds(-1), MINUTE));
    assertThrows(IllegalArgumentException.class, () -> new CacheSettings(CacheMode.REPLAY, null));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(-1));
    assertThrows(IllegalArgumentException.class, () -> PromptSettings.of(0));
    assertThrows(IllegalArgumentException.class, () -> settings(ollama("m"), Studies.NO_CACHE, 1.5));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}

package dev.llmhpo.propose.llm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.llmhpo.propose.llm.LlmSettings.CacheMode;
import dev.llmhpo.space.OutOfRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.Test;

public class LlmSettingsTest {
  @Test
  public void defaults() {
    LlmSettings s = LlmSettings.openAi("gpt-4o-mini").build();

    assertEquals(LlmSettings.Provider.OPENAI, s.provider());
    assertEquals("https://api.openai.com/v1", s.baseUrl());
    assertEquals("OPENAI_API_KEY", s.apiKeyEnv());
    assertEquals(LlmSettings.OutputFormat.JSON_SCHEMA, s.outputFormat());
    assertEquals(OutOfRange.CLIP, s.outOfRange());
    assertEquals("tpe", s.fallbackProposer());
    assertEquals(0.5, s.llmShare(), 0);
    assertEquals(CacheMode.OFF, s.cacheMode());
    assertEquals("http://localhost:11434", LlmSettings.ollama("llama3.1").build().baseUrl());
  }

  @Test
  public void factoryAndSettingsSurviveJavaSerialisation() throws Exception {
    LlmSettings s = LlmSettings.ollama("llama3.1").requestTimeout(Duration.ofSeconds(9))
        .cacheMode(CacheMode.RECORD).cacheDir("/tmp/cache").build();
    LlmProposerFactory factory = new LlmProposerFactory("llm-tpe", s);

    assertEquals(s, roundTrip(s));
    assertEquals(factory.toString(), roundTrip(factory).toString());
  }

  @Test
  public void rejectsInconsistentSettings() {
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.openAi(" ").build());
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.openAi("m").apiKeyEnv(null).build());
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.openAi("m").llmShare(1.5).build());
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.openAi("m").cacheMode(CacheMode.REPLAY).build());
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.openAi("m").maxOutputTokens(0).build());
    assertThrows(IllegalArgumentException.class,
        () -> new LlmProposerFactory("tpe", LlmSettings.openAi("m").build()));
  }

  @Test
  public void namesTheProposersItMakes() {
    assertTrue(LlmProposerFactory.handles("llm"));
    assertTrue(LlmProposerFactory.handles("llm-tpe"));
    assertFalse(LlmProposerFactory.handles("tpe"));
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

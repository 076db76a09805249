package dev.llmhpo.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileWriter;

/**
 * What a round file says about itself, in three entries of its Avro header: {@code llm-hpo.study} (the study id),
 * {@code llm-hpo.trials} (the trial ids it holds, in file order, comma-separated: their number is how many trials
 * it holds) and {@code llm-hpo.sha256} (per trial, in the same order, the SHA-256 of the file's schema followed by
 * the trial's record in Avro binary, which is its block's data). The header is written before the data, so the
 * records are serialised and hashed first. One hash per trial, each trial in its own block, tells which trials of a
 * damaged file are intact; the schema is in each hash because the records are read with it. A file with these
 * entries names its codec and holds no other entries (later versions may add {@code llm-hpo.} ones), so that a
 * changed byte in the header's other names is found too.
 */
record RoundChecksums(String studyId, List<Integer> ids, List<String> sha256) {
  static final String STUDY = "llm-hpo.study";
  static final String TRIALS = "llm-hpo.trials";
  static final String SHA256 = "llm-hpo.sha256";
  private static final Set<String> AVRO_ENTRIES = Set.of("avro.schema", "avro.codec");

  static String sha256(byte[] schemaJson, byte[] record) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(schemaJson);
      return HexFormat.of().formatHex(digest.digest(record));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Sets the entries on a writer, before {@code create}. */
  void setOn(DataFileWriter<?> writer) {
    writer.setMeta(STUDY, studyId);
    writer.setMeta(TRIALS, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    writer.setMeta(SHA256, String.join(",", sha256));
  }

  /**
   * The entries of a file's header; null when it has none of them (written before checksums).
   *
   * @throws IOException when some are missing or unreadable
   */
  static RoundChecksums read(Map<String, byte[]> meta) throws IOException {
    byte[] study = meta.get(STUDY), trials = meta.get(TRIALS), sha256 = meta.get(SHA256);
    if (study == null && trials == null && sha256 == null) {
      return null;
    }
    if (study == null || trials == null || sha256 == null) {
      throw new IOException("it lacks some of " + STUDY + ", " + TRIALS + " and " + SHA256);
    }
    long strange = meta.keySet().stream().filter(k -> !k.startsWith("llm-hpo.") && !AVRO_ENTRIES.contains(k)).count();
    if (strange > 0 || !meta.containsKey("avro.codec")) {
      throw new IOException(strange == 0 ? "it names no codec" : "an entry a round file does not have");
    }
    List<Integer> ids;
    try {
      ids = split(trials).stream().map(Integer::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new IOException("its " + TRIALS + " entry is not a list of trial ids");
    }
    List<String> hashes = split(sha256);
    if (hashes.size() != ids.size() || !hashes.stream().allMatch(h -> h.matches("[0-9a-f]{64}"))) {
      throw new IOException("its " + SHA256 + " entry is not one SHA-256 per trial");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new IOException("its " + TRIALS + " entry repeats a trial id");
    }
    return new RoundChecksums(new String(study, StandardCharsets.UTF_8), ids, hashes);
  }

  private static List<String> split(byte[] list) {
    String text = new String(list, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(",", -1));
  }
}

package dev.llmhpo.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study keeps from run to run (read from the {@code study.avro} its last run wrote): the settings that make its logged validation values
 * comparable (study id, target, positive class, metric, seed and validation split, search space). A run that
 * continues a study must match them; a run that changes one of them needs a new {@code --output}. Rounds, trials
 * per round, proposer and training budget may change between runs.
 */
final class StudyIdentity {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON field -> the option that sets it. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("studyId", "--studyId");
    OPTIONS.put("target", "--target");
    OPTIONS.put("positiveClass", "--positiveClass");
    OPTIONS.put("metric", "--metric");
    OPTIONS.put("seed", "--seed");
    OPTIONS.put("validationFraction", "--validationFraction");
    OPTIONS.put("space", "--space");
  }

  private final ObjectNode json;

  private StudyIdentity(ObjectNode json) {
    this.json = json;
  }

  static StudyIdentity of(StudySpec spec) {
    ObjectNode json = JSON.createObjectNode();
    json.put("studyId", spec.getStudyId());
    json.put("target", spec.getDataSource().getTarget());
    json.put("positiveClass", spec.getDataSource().getPositiveClass());
    json.put("metric", spec.getMetric());
    json.put("seed", spec.getSeed());
    json.put("validationFraction", spec.getValidationFraction());
    ArrayNode space = json.putArray("space");
    try {
      for (SearchParam param : spec.getSpace()) {
        space.add(JSON.readTree(param.toString())); // Avro's JSON form of the record
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not describe the search space: " + e.getMessage(), e);
    }
    return new StudyIdentity(reparsed(json)); // numbers typed as a file read gives them, so that equals compares
  }

  private static ObjectNode reparsed(ObjectNode json) {
    try {
      return (ObjectNode) JSON.readTree(JSON.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks this run against the study already in {@code output} (its {@code study.avro}), if any.
   * IllegalArgumentException naming the first option that differs.
   */
  void checkContinues(Path output) {
    if (!Files.isRegularFile(output.resolve(StudySpecFile.NAME))) {
      return;
    }
    ObjectNode stored = of(StudySpecFile.read(output)).json;
    for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!json.get(field).equals(stored.get(field))) {
        throw new IllegalArgumentException(
            OPTIONS.get(field)
                + " differs from the study in "
                + output
                + " (this run: "
                + shorten(json.get(field))
                + ", the study: "
                + shorten(stored.get(field))
                + "); a continued study keeps its study id, target, positive class, metric, seed, validation"
                + " fraction and search space, so that its trials compare. Use a new --output for a new study.");
      }
    }
  }

  private static String shorten(JsonNode value) {
    String text = value == null ? "none" : value.isTextual() ? value.asText() : value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}

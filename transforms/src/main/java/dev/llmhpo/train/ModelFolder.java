package dev.llmhpo.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmhpo.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * The folder a final model is saved in: {@code model.json} in XGBoost's JSON format, which names the features as
 * {@link XgbFeatureNames} encodes them, and, when any of those differs from its column, {@code feature-names.json}
 * beside it, mapping each of the model's names back to its column in feature order.
 */
public final class ModelFolder {
  public static final String MODEL = "model.json";
  public static final String FEATURE_NAMES = "feature-names.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFolder() {}

  /** Saves {@code booster}, trained on {@code columns}, in {@code folder} and returns the model file's path. */
  public static Path save(Booster booster, String[] columns, Path folder) {
    Path names = folder.resolve(FEATURE_NAMES);
    if (Arrays.equals(XgbFeatureNames.encode(columns), columns)) {
      deleteIfExists(names); // a folder saved before, on other columns, must not keep a mapping that no longer holds
    } else {
      AtomicFiles.writeString(names, featureNamesJson(columns));
    }
    Path model = folder.resolve(MODEL);
    AtomicFiles.write(model, stream -> booster.saveModel(stream, "json"));
    return model;
  }

  private static String featureNamesJson(String[] columns) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (String column : columns) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("xgboost", XgbFeatureNames.encode(column));
      entry.put("column", column);
      entries.add(entry);
    }
    try {
      return JSON.writeValueAsString(entries) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the feature names: " + e.getMessage(), e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.data.EncodedMatrix;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The model file always; the name mapping only while XGBoost's names differ from the columns. */
public class ModelFolderTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theMappingIsWrittenWhenANameDiffersAndRemovedWhenNoneDoes() throws Exception {
    Path folder = tmp.getRoot().toPath().resolve("model");

    save(folder, "char_freq_[", "char_freq_(");
    assertThat(Files.exists(folder.resolve("model.json")), equalTo(true));
    assertThat(Files.readString(folder.resolve("feature-names.json")), containsString("\"column\" : \"char_freq_[\""));

    // the same folder saved again for a table without such names must not keep the old mapping
    save(folder, "a", "b");
    assertThat(Files.exists(folder.resolve("model.json")), equalTo(true));
    assertThat(Files.exists(folder.resolve("feature-names.json")), equalTo(false));
  }

  private static void save(Path folder, String... columns) throws Exception {
    EncodedMatrix data =
        new EncodedMatrix(new float[] {0, 1, 1, 0, 2, 2, 3, 1}, 4, 2, new float[] {0, 1, 0, 1}, columns,
            new String[] {"q", "q"});
    TrainBudget budget = new TrainBudget(2, 0, Metrics.byName(TaskType.BINARY, "logloss"), 1, "cpu", 1);
    Booster booster = XgbTrainer.fit(new LearningTask(TaskType.BINARY, 2), data, Map.of(), 2, budget);
    try {
      assertThat(ModelFolder.save(booster, columns, folder), equalTo(folder.resolve("model.json")));
    } finally {
      booster.dispose();
    }
  }
}

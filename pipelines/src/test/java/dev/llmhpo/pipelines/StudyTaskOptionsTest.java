package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** How {@code --task} and {@code --metric} settle a study's task, metric and direction, before any training. */
public class StudyTaskOptionsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private StudySpec prepare(Path train, String target, String... extra) throws Exception {
    String[] args = new String[extra.length + 2];
    args[0] = "--train=" + train;
    args[1] = "--target=" + target;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return StudyFixtures.prepare(StudyFixtures.options(tmp.newFolder().toPath(), args), 1).spec();
  }

  private Path multiclass() throws Exception {
    return StudyFixtures.multiclassCsv(tmp.getRoot().toPath(), "multiclass.csv", 60, 1);
  }

  @Test
  public void eachDetectedTaskGetsItsDefaultMetric() throws Exception {
    StudySpec multiclass = prepare(multiclass(), "species");
    StudySpec regression = prepare(StudyFixtures.regressionCsv(tmp.getRoot().toPath(), "r.csv", 60, 1), "price");
    StudySpec binary = prepare(StudyFixtures.tinyCsv(tmp.getRoot().toPath(), 60), "label");

    assertThat(multiclass.getTask(), equalTo(TaskType.MULTICLASS));
    assertThat(multiclass.getMetric(), equalTo("mlogloss"));
    assertThat(regression.getTask(), equalTo(TaskType.REGRESSION));
    assertThat(regression.getMetric(), equalTo("rmse"));
    assertThat(binary.getTask(), equalTo(TaskType.BINARY));
    assertThat(binary.getMetric(), equalTo("logloss"));
  }

  @Test
  public void givenTaskAndMetricOverrideDetection() throws Exception {
    Path ratings = tmp.newFile("ratings.csv").toPath();
    Files.writeString(ratings, "x,rating\n1,1\n2,2\n3,3\n4,4\n5,5\n6,3\n7,2\n8,4\n9,5\n10,1\n");

    StudySpec spec = prepare(ratings, "rating", "--task=REGRESSION", "--metric=R2");

    assertThat(spec.getTask(), equalTo(TaskType.REGRESSION));
    assertThat(spec.getMetric(), equalTo("r2"));
    assertThat(spec.getDirection(), equalTo(Direction.MAXIMIZE));
  }

  @Test
  public void badTaskMetricAndPositiveClassNameTheOption() throws Exception {
    Path train = multiclass();

    assertThat(
        assertThrows(IllegalArgumentException.class, () -> prepare(train, "species", "--task=ordinal")).getMessage(),
        equalTo("--task=ordinal is not known; choose auto, binary, multiclass or regression"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> prepare(train, "species", "--metric=auc")).getMessage(),
        equalTo(
            "--metric=auc is not a metric of multiclass tasks; choose one of [mlogloss, accuracy, macro_f1, merror]"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> prepare(train, "species", "--positiveClass=beta"))
            .getMessage(),
        equalTo("--positiveClass applies to binary targets; --target=species is multiclass here"));
  }
}

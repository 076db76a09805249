package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.llmhpo.schema.TaskType;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TaskDetectorTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private TaskType detect(String... targetValues) throws IOException {
    String[] lines = Stream.concat(Stream.of("y"), Stream.of(targetValues)).toArray(String[]::new);
    return TaskDetector.detectTask(CsvFiles.read(CsvFiles.write(folder, "t.csv", lines)), "y");
  }

  @Test
  public void twoLabelsAreBinary() throws IOException {
    assertThat(detect("yes", "no", "yes."), is(TaskType.BINARY));
    assertThat(detect("0", "1", "?", "1"), is(TaskType.BINARY));
  }

  @Test
  public void moreLabelsAreMulticlass() throws IOException {
    assertThat(detect("a", "b", "c"), is(TaskType.MULTICLASS));
    assertThat(detect("1", "2", "3", "2"), is(TaskType.MULTICLASS));
  }

  @Test
  public void fractionalOrManyNumbersAreRegression() throws IOException {
    assertThat(detect("0.5", "1", "2"), is(TaskType.REGRESSION));
    String[] manyWholeNumbers =
        IntStream.rangeClosed(0, TaskDetector.MAX_CLASSES).mapToObj(Integer::toString).toArray(String[]::new);
    assertThat(detect(manyWholeNumbers), is(TaskType.REGRESSION));
    assertThat(detect(Arrays.copyOf(manyWholeNumbers, TaskDetector.MAX_CLASSES)),
        is(TaskType.MULTICLASS));
  }
}

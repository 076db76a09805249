package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PreparedDataTest {
  private static final String[] TRAIN = {
    "size,shape,label", "1,round,yes", "2,square,no", "3,round,no", "4,round,yes", "5,square,no",
    "6,round,no", "7,square,yes", "8,round,no", "9,?,no", "10,round,?"
  };

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private DataSource source(Path train, Path test) {
    return DataSource.newBuilder()
        .setTrainPath(train.toString())
        .setTestPath(test == null ? null : test.toString())
        .setTarget("label")
        .build();
  }

  @Test
  public void preparesTrainValidationAndTestAndDetectsTheTask() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", TRAIN);
    Path test = CsvFiles.write(folder, "test.csv", "size,shape,label", "1,triangle,yes.", "2,square,no.");

    PreparedData data = PreparedData.load(source(train, test), null, 0.25, 1);

    assertThat(data.task(), is(TaskType.BINARY));
    assertThat(data.fullTrain().rows(), is(9));
    assertThat(data.validation().rows(), is(3));
    assertThat(data.train().rows(), is(6));
    assertThat(data.card().rowsDropped(), is(1));
    assertThat(data.encoding().classNames(), is(List.of("no", "yes")));
    assertThat(data.test().rows(), is(2));
    assertThat(data.test().value(0, 1), is(Float.NaN));
    assertThat(data.test().value(1, 1), is(1f));
    assertThat(data.test().labels()[0], is(1f));
  }

  @Test
  public void givenTaskIsUsedAndTestIsOptional() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", "x,label", "1,0.5", "2,1.5", "3,2.5", "4,0.5", "5,9");

    PreparedData data = PreparedData.load(source(train, null), TaskType.REGRESSION, 0.2, 1);

    assertThat(data.task(), is(TaskType.REGRESSION));
    assertThat(data.validation().rows(), is(1));
    assertThat(data.train().rows(), is(4));
    assertThat(data.test(), is(nullValue()));
    assertThat(data.card().classBalance(), is(nullValue()));
  }

  @Test
  public void testFileWithOtherColumnsNamesBothFiles() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", TRAIN);
    Path test = CsvFiles.write(folder, "test.csv", "size,colour,label", "1,red,yes");

    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source(train, test), null, 0.2, 1));
    assertThat(
        e.getMessage(),
        is(test + " has different columns from " + train + ": missing [shape], unexpected [colour]"));
  }

  @Test
  public void testFileWithAnUnreadableNumberNamesLineColumnAndValue() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", TRAIN);
    Path test = CsvFiles.write(folder, "test.csv", "size,shape,label", "1,round,yes", "big,round,no");

    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source(train, test), null, 0.2, 1));
    assertThat(
        e.getMessage(),
        allOf(containsString(test + " line 3"), containsString("column 'size'"), containsString("'big'")));
  }

  @Test
  public void missingTrainFileIsNamed() {
    Path train = folder.getRoot().toPath().resolve("nowhere.csv");
    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source(train, null), null, 0.2, 1));
    assertThat(e.getMessage(), containsString(train.toString()));
  }

  @Test
  public void missingTargetColumnListsTheColumns() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", "size,shape", "1,round", "2,square");
    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source(train, null), null, 0.2, 1));
    assertThat(e.getMessage(), is(train + " has no column 'label'; available columns: size, shape"));
  }

  @Test
  public void oneClassTargetIsAnError() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", "size,label", "1,yes", "2,yes", "3,yes");
    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source(train, null), null, 0.2, 1));
    assertThat(e.getMessage(), allOf(containsString(train.toString()), containsString("only one class")));
  }
}

package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.TaskType;
import java.io.IOException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TableEncoderTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private Table table(String name, String... lines) throws IOException {
    return CsvFiles.read(CsvFiles.write(folder, name, lines));
  }

  @Test
  public void codesCategoriesByTrainingFrequencyThenName() throws IOException {
    Table train = table("train.csv", "color,pair,y", "red,y,0", "blue,x,1", "red,y,0", "green,x,1", "blue,y,0",
        "red,x,1");

    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, null);

    assertThat(encoding.features().get(0).categories(), contains("red", "blue", "green"));
    assertThat(encoding.features().get(1).categories(), contains("x", "y"));
    EncodedMatrix matrix = encoding.encode(train);
    assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 2, 0, 1, 1, 0, 0}, matrix.values(), 0f);
  }

  @Test
  public void encodesFeaturesForXgboost() throws IOException {
    Table train = table("train.csv", "age,job,y", "30,clerk,no", "?,?,yes", "41.5,chef,no");

    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, null);
    EncodedMatrix matrix = encoding.encode(train);

    assertThat(matrix.featureNames(), arrayContaining("age", "job"));
    assertThat(matrix.featureTypes(), arrayContaining("q", "c"));
    assertThat(matrix.rows(), is(3));
    assertThat(matrix.cols(), is(2));
    assertThat(encoding.features().get(1).categories(), contains("chef", "clerk"));
    assertArrayEquals(new float[] {30, 1, Float.NaN, Float.NaN, 41.5f, 0}, matrix.values(), 0f);
  }

  @Test
  public void unseenAndMissingCategoriesBecomeNaN() throws IOException {
    Table train = table("train.csv", "job,y", "clerk,no", "chef,yes", "clerk,no");
    Table test = CsvFiles.readLike(CsvFiles.write(folder, "test.csv", "job,y", "pilot,no", "chef,yes",
        "?,no", "clerk,yes"), train);

    EncodedMatrix matrix = TableEncoder.fit(train, "y", TaskType.BINARY, null).encode(test);

    assertArrayEquals(new float[] {Float.NaN, 1, Float.NaN, 0}, matrix.values(), 0f);
  }

  @Test
  public void binaryPositiveClassIsTheLastSortedLabelAndTrailingPeriodsAreDropped() throws IOException {
    Table train = table("train.csv", "x,income", "1,<=50K", "2,>50K", "3,<=50K");
    Table test = CsvFiles.readLike(CsvFiles.write(folder, "test.csv", "x,income", "1, >50K.", "2,<=50K."),
        train);

    Encoding encoding = TableEncoder.fit(train, "income", TaskType.BINARY, null);

    assertThat(encoding.classNames(), contains("<=50K", ">50K"));
    assertThat(encoding.positiveClass(), is(">50K"));
    assertArrayEquals(new float[] {0, 1, 0}, encoding.encode(train).labels(), 0f);
    assertArrayEquals(new float[] {1, 0}, encoding.encode(test).labels(), 0f);
  }

  @Test
  public void givenPositiveClassIsLabelOne() throws IOException {
    Table train = table("train.csv", "x,y", "1,no", "2,yes", "3,no");

    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, "no");

    assertThat(encoding.classNames(), contains("yes", "no"));
    assertArrayEquals(new float[] {1, 0, 1}, encoding.encode(train).labels(), 0f);
  }

  @Test
  public void positiveClassMustBeALabel() throws IOException {
    Table train = table("train.csv", "x,y", "1,no", "2,yes");
    DataException e =
        assertThrows(DataException.class, () -> TableEncoder.fit(train, "y", TaskType.BINARY, "maybe"));
    assertThat(e.getMessage(), allOf(containsString("'maybe'"), containsString("[no, yes]")));
  }

  @Test
  public void numericBinaryTargetKeepsItsValuesAsClassNames() throws IOException {
    Table train = table("train.csv", "x,y", "1,0", "2,1", "3,0");
    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, "1");
    assertThat(encoding.classNames(), contains("0", "1"));
    assertArrayEquals(new float[] {0, 1, 0}, encoding.encode(train).labels(), 0f);
  }

  @Test
  public void oneClassTargetIsAnError() throws IOException {
    Table train = table("train.csv", "x,y", "1,yes", "2,yes.", "3,?");
    DataException e = assertThrows(DataException.class, () -> TableEncoder.fit(train, "y", TaskType.BINARY, null));
    assertThat(
        e.getMessage(),
        allOf(containsString(train.source()), containsString("'y'"), containsString("only one class ('yes')")));
  }

  @Test
  public void binaryTaskRejectsThreeLabels() throws IOException {
    Table train = table("train.csv", "x,y", "1,a", "2,b", "3,c");
    DataException e = assertThrows(DataException.class, () -> TableEncoder.fit(train, "y", TaskType.BINARY, null));
    assertThat(e.getMessage(), allOf(containsString("3 distinct labels"), containsString("[a, b, c]")));
  }

  @Test
  public void multiclassLabelsFollowSortedOrder() throws IOException {
    Table strings = table("strings.csv", "x,y", "1,c", "2,a", "3,b");
    Table numbers = table("numbers.csv", "x,y", "1,10", "2,2", "3,1");

    Encoding byName = TableEncoder.fit(strings, "y", TaskType.MULTICLASS, null);
    Encoding byValue = TableEncoder.fit(numbers, "y", TaskType.MULTICLASS, null);

    assertThat(byName.classNames(), contains("a", "b", "c"));
    assertArrayEquals(new float[] {2, 0, 1}, byName.encode(strings).labels(), 0f);
    assertThat(byName.positiveClass(), is(nullValue()));
    assertThat(byValue.classNames(), contains("1", "2", "10"));
    assertArrayEquals(new float[] {2, 1, 0}, byValue.encode(numbers).labels(), 0f);
  }

  @Test
  public void regressionUsesTheNumericTarget() throws IOException {
    Table train = table("train.csv", "x,price", "1,10.5", "2,3", "3,7");
    Encoding encoding = TableEncoder.fit(train, "price", TaskType.REGRESSION, null);
    assertThat(encoding.classNames().isEmpty(), is(true));
    assertArrayEquals(new float[] {10.5f, 3, 7}, encoding.encode(train).labels(), 0f);
  }

  @Test
  public void regressionRejectsANonNumericTarget() throws IOException {
    Table train = table("train.csv", "x,price", "1,cheap", "2,3");
    DataException e =
        assertThrows(DataException.class, () -> TableEncoder.fit(train, "price", TaskType.REGRESSION, null));
    assertThat(e.getMessage(), allOf(containsString("'price'"), containsString("numeric target")));
  }

  @Test
  public void rowsWithoutATargetAreLeftOut() throws IOException {
    Table train = table("train.csv", "x,y", "1,a", "2,?", "3,b", "4,");
    EncodedMatrix matrix = TableEncoder.fit(train, "y", TaskType.BINARY, null).encode(train);
    assertArrayEquals(new float[] {1, 3}, matrix.values(), 0f);
    assertArrayEquals(new float[] {0, 1}, matrix.labels(), 0f);
  }

  @Test
  public void aTestLabelTheTrainingDataLacksIsAnError() throws IOException {
    Table train = table("train.csv", "x,y", "1,a", "2,b");
    Table test = CsvFiles.readLike(CsvFiles.write(folder, "test.csv", "x,y", "1,a", "2,z"), train);
    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, null);

    DataException e = assertThrows(DataException.class, () -> encoding.encode(test));
    assertThat(e.getMessage(), allOf(containsString(test.source()), containsString("'z'"),
        containsString("[a, b]")));
  }

  @Test
  public void missingTargetColumnListsTheColumns() throws IOException {
    Table train = table("train.csv", "x,y", "1,a", "2,b");
    DataException e = assertThrows(DataException.class, () -> TableEncoder.fit(train, "label", TaskType.BINARY,
        null));
    assertThat(e.getMessage(), equalTo(train.source() + " has no column 'label'; available columns: x, y"));
  }

  @Test
  public void aMistypedTargetGetsADidYouMean() throws IOException {
    Table train = table("train.csv", "age,Income,label", "1,2,a", "2,3,b");
    DataException e = assertThrows(DataException.class, () -> TableEncoder.fit(train, "lable", TaskType.BINARY, null));
    assertThat(e.getMessage(), equalTo(train.source() + " has no column 'lable' (did you mean 'label'?); available columns: age, Income, label"));
    DataException cased = assertThrows(DataException.class, () -> TableEncoder.fit(train, "income", TaskType.BINARY, null));
    assertThat(cased.getMessage(), containsString("(did you mean 'Income'?)"));
  }

  @Test
  public void aColumnOfAnotherTypeThanInTrainingIsAnError() throws IOException {
    Table train = table("train.csv", "x,y", "1,a", "2,b");
    Table other = table("other.csv", "x,y", "one,a", "2,b");
    Encoding encoding = TableEncoder.fit(train, "y", TaskType.BINARY, null);

    DataException e = assertThrows(DataException.class, () -> encoding.encode(other));
    assertThat(e.getMessage(), equalTo(other.source() + " column 'x' is categorical but was numeric in the "
        + "training data"));
  }
}

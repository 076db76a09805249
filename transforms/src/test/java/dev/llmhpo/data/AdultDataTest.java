package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertArrayEquals;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.TaskType;
import java.util.Arrays;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/** Reading, encoding and splitting the real Adult files. */
public class AdultDataTest {
  private static final long SEED = 42;

  private static Table train;
  private static Table test;
  private static DataSource source;
  private static PreparedData data;

  @BeforeClass
  public static void load() {
    train = CsvFiles.read(AdultFiles.train());
    test = CsvFiles.readLike(AdultFiles.test(), train);
    source = AdultDataset.resolve(AdultFiles.dir().toString(), null, null);
    data = PreparedData.load(source, null, 0.2, SEED);
  }

  @Test
  public void readsEveryRow() {
    assertThat(train.rowCount(), is(32_561));
    assertThat(test.rowCount(), is(16_281));
    assertThat(data.fullTrain().rows(), is(32_561));
    assertThat(data.test().rows(), is(16_281));
  }

  @Test
  public void countsMissingCells() {
    assertThat(train.columns().stream().mapToInt(Column::missingCount).sum(), is(4_262));
    assertThat(test.columns().stream().mapToInt(Column::missingCount).sum(), is(2_203));
    // Every missing cell is a feature cell, and the test file has no category the training file lacks.
    assertThat(nanCount(data.fullTrain().values()), is(4_262L));
    assertThat(nanCount(data.test().values()), is(2_203L));
  }

  @Test
  public void detectsSixNumericAndEightCategoricalFeatures() {
    assertThat(
        Arrays.asList(data.encoding().featureNames()),
        is(List.of("age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
            "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country")));
    assertThat(
        Arrays.asList(data.encoding().featureTypes()),
        is(List.of("q", "c", "q", "c", "q", "c", "c", "c", "c", "c", "q", "q", "q", "c")));
    assertThat(train.requireColumn("ltgt50k").type(), is(ColumnType.CATEGORICAL));
  }

  @Test
  public void labelsTheHigherIncomeAsPositive() {
    assertThat(data.task(), is(TaskType.BINARY));
    assertThat(data.encoding().classNames(), contains("<=50K", ">50K"));
    assertThat(positiveShare(data.fullTrain()), closeTo(0.2408, 0.00005));
    assertThat(positiveShare(data.test()), closeTo(0.2362, 0.00005));
  }

  @Test
  public void splitsLikeScikitLearnAndKeepsTheClassShares() {
    assertThat(data.train().rows(), is(26_048));
    assertThat(data.validation().rows(), is(6_513));
    assertThat(positiveShare(data.train()), closeTo(positiveShare(data.fullTrain()), 0.0001));
    assertThat(positiveShare(data.validation()), closeTo(positiveShare(data.fullTrain()), 0.0001));
  }

  @Test
  public void theSameSeedGivesTheSameSplit() {
    PreparedData again = PreparedData.load(source, null, 0.2, SEED);
    PreparedData otherSeed = PreparedData.load(source, null, 0.2, SEED + 1);

    assertArrayEquals(data.validation().values(), again.validation().values(), 0f);
    assertArrayEquals(data.train().labels(), again.train().labels(), 0f);
    assertThat(Arrays.equals(data.validation().values(), otherSeed.validation().values()), is(false));
  }

  @Test
  public void codesCategoriesByFrequency() {
    FeatureEncoding workclass = data.encoding().features().get(1);
    assertThat(workclass.categories().subList(0, 3), contains("Private", "Self-emp-not-inc", "Local-gov"));
    assertThat(data.fullTrain().value(0, 1), is(workclass.categories().indexOf("State-gov") * 1f));
  }

  @Test
  public void describesTheTrainingFile() {
    DataCard card = data.card();

    assertThat(card.rows(), is(32_561));
    assertThat(card.rowsDropped(), is(0));
    assertThat(card.target(), is("ltgt50k"));
    assertThat(card.classBalance().get(">50K"), is(new DataCard.Count(7_841, 0.2408)));
    assertThat(card.classBalance().get("<=50K"), is(new DataCard.Count(24_720, 0.7592)));
    DataCard.ColumnSummary age = card.columns().get(0);
    assertThat(age.min(), is(17.0));
    assertThat(age.max(), is(90.0));
    DataCard.ColumnSummary workclass = card.columns().get(1);
    assertThat(workclass.missingShare(), is(0.0564));
    assertThat(workclass.cardinality(), is(8));
    assertThat(workclass.topValues().get(0), is(new DataCard.ValueCount("Private", 22_696, 0.697)));
    // every numeric column is all numbers, no column is an identifier, none alone gives the income away
    assertThat(card.warnings(), is(empty()));
  }

  private static double positiveShare(EncodedMatrix matrix) {
    double positives = 0;
    for (float label : matrix.labels()) {
      positives += label;
    }
    return positives / matrix.rows();
  }

  private static long nanCount(float[] values) {
    long count = 0;
    for (float value : values) {
      if (Float.isNaN(value)) {
        count++;
      }
    }
    return count;
  }
}

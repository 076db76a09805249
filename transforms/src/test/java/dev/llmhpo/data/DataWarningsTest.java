package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What the data card warns about: values that are not of their column's type, ID-like and separating columns. */
public class DataWarningsTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  /** A header and {@code rows} rows, row i (0-based, on line i + 2) made by {@code row}. */
  private Path csv(String name, String header, int rows, IntFunction<String> row) throws IOException {
    List<String> lines = new ArrayList<>(List.of(header));
    for (int i = 0; i < rows; i++) {
      lines.add(row.apply(i));
    }
    return CsvFiles.write(folder, name, lines.toArray(String[]::new));
  }

  /** balance is a number on every line but line 9, which says n/a; the label does not follow either column. */
  private Path strayText(String name) throws IOException {
    return csv(name, "balance,size,y", 60, i -> (i == 7 ? "n/a" : String.valueOf(i * 37 % 101)) + ","
        + (i % 3 == 0 ? "10" : i % 3 == 1 ? "S" : "M") + "," + (i % 2 == 0 ? "no" : "yes"));
  }

  private static DataCard card(Table train) {
    return DataCards.describe(train, TableEncoder.fit(train, "y", TaskType.BINARY, null));
  }

  @Test
  public void aNumericColumnWithStrayTextIsCategoricalAndSaysWhy() throws IOException {
    Table train = CsvFiles.read(strayText("train.csv"));

    assertThat(train.requireColumn("balance").type(), is(ColumnType.CATEGORICAL));
    DataWarning warning = train.warnings().get(0);
    assertThat(warning.column(), is("balance"));
    assertThat(warning.kind(), is(DataWarning.Kind.TEXT_IN_NUMERIC));
    assertThat(warning.details(), equalTo(Map.<String, Object>of(
        "count", 1, "firstLine", 9L, "firstValue", "n/a", "numbers", 59, "categories", 60)));
    assertThat(warning.message(), containsString("train.csv: 1 of 60 values of 'balance' is not a number"
        + " (line 9: 'n/a'), so it is read as categorical with 60 categories"));
    // size is text with some numbers in it: nothing to warn about
    assertThat(train.warnings().size(), is(1));
    assertThat(card(train).warnings(), contains(warning));
  }

  @Test
  public void theWarningsAreInTheCardsJsonAndOnTheConsole() throws IOException {
    Path train = strayText("train.csv");
    DataSource source = DataSource.newBuilder().setTrainPath(train.toString()).setTarget("y").build();

    List<PreparedData> loaded = new ArrayList<>();
    String console = CsvDialectTest.console(() -> loaded.add(PreparedData.load(source, null, 0.2, 1)));

    JsonNode warning = new ObjectMapper().readTree(loaded.get(0).card().toJson()).get("warnings").get(0);
    List<String> fields = new ArrayList<>();
    warning.fieldNames().forEachRemaining(fields::add);
    assertThat(
        fields, contains("column", "kind", "message", "count", "firstLine", "firstValue", "numbers", "categories"));
    assertThat(warning.get("kind").asText(), is("text_in_numeric"));
    assertThat(warning.get("firstLine").asInt(), is(9));
    assertThat(console, containsString("WARN"));
    assertThat(console, containsString("train.csv: 1 of 60 values of 'balance' is not a number"));
  }

  @Test
  public void aColumnReadAsNumbersOnRequestCountsWhatDidNotParse() throws IOException {
    Path train = strayText("train.csv");
    Path test = csv("test.csv", "balance,size,y", 3, i -> (i == 1 ? "unknown" : "5") + ",S,no");
    ReadSettings numeric = new ReadSettings(CsvFiles.DEFAULTS.csv(), Set.of("balance"));

    Table table = CsvTableReader.read(train, numeric);
    Table second = CsvTableReader.readLike(test, table, numeric);

    NumericColumn balance = (NumericColumn) table.requireColumn("balance");
    assertThat(balance.isMissing(7), is(true));
    assertThat(balance.value(8), is(8.0 * 37 % 101));
    DataWarning warning = table.warnings().get(0);
    assertThat(warning.kind(), is(DataWarning.Kind.UNPARSED_AS_MISSING));
    assertThat(warning.details(), equalTo(Map.<String, Object>of("count", 1, "firstLine", 9L, "firstValue", "n/a")));
    assertThat(table.warnings().size(), is(1));
    assertThat(second.requireColumn("balance").isMissing(1), is(true));
    assertThat(second.warnings().get(0).message(), is(
        "test.csv: 1 value of numeric column 'balance' is not a number (line 3: 'unknown'), read as missing"));
  }

  @Test
  public void numericColumnsMustBeColumnsAndCsvOnes() throws IOException {
    Path train = strayText("train.csv");
    DataException absent = assertThrows(DataException.class,
        () -> CsvTableReader.read(train, new ReadSettings(CsvFiles.DEFAULTS.csv(), Set.of("salary"))));
    assertThat(
        absent.getMessage(), is(train + " has no column 'salary' to read as numbers; its columns: balance, size, y"));

    Schema schema = SchemaBuilder.record("r").fields().requiredString("a").requiredString("y").endRecord();
    Path avro = TypedFiles.avro(folder, "t.avro", schema, new Object[] {"1", "x"});
    DataException typed = assertThrows(DataException.class,
        () -> TableFiles.read(avro, new ReadSettings(CsvFiles.DEFAULTS.csv(), Set.of("a"))));
    assertThat(typed.getMessage(), containsString(avro + " column 'a' holds text in the file's own schema"));
  }

  @Test
  public void idLikeColumnsAreWholeNumbersOrTextWithADistinctValuePerRow() throws IOException {
    // id and code are distinct in every row, x too but as fractions; group repeats
    Table train = CsvFiles.read(csv("t.csv", "id,code,x,group,y", 400,
        i -> (1000 + i) + ",c" + i + "," + (i * 0.37 % 11) + "," + (i % 7) + "," + (i * 7 % 3 == 0 ? "a" : "b")));

    List<DataWarning> warnings = card(train).warnings();

    assertThat(warnings.stream().map(DataWarning::column).toList(), contains("id", "code"));
    assertThat(warnings.get(0).kind(), is(DataWarning.Kind.ID_LIKE));
    assertThat(warnings.get(0).details(), equalTo(Map.<String, Object>of("distinct", 400, "rows", 400)));
    Table small = CsvFiles.read(csv("s.csv", "id,y", IdLikeColumns.MIN_ROWS - 1, i -> i + "," + (i % 2)));
    assertThat(card(small).warnings(), is(empty()));
  }

  @Test
  public void aCategoricalColumnWhoseEveryValueHasOneClassSeparatesTheTarget() throws IOException {
    // plan: a and b are always yes, c and missing always no; mixed: no value has one class
    Table train = CsvFiles.read(csv("t.csv", "plan,mixed,y", 40,
        i -> new String[] {"a", "b", "c", "?"}[i % 4] + "," + (i % 3) + "," + (i % 4 < 2 ? "yes" : "no")));

    List<DataWarning> warnings = card(train).warnings();

    assertThat(warnings.size(), is(1));
    assertThat(warnings.get(0).column(), is("plan"));
    assertThat(warnings.get(0).kind(), is(DataWarning.Kind.SEPARATES_TARGET));
    assertThat(warnings.get(0).details(), equalTo(Map.<String, Object>of("how", "categories", "values", 4)));
  }

  @Test
  public void aNumericColumnThatAThresholdSplitsIntoTheClassesSeparatesTheTarget() throws IOException {
    // score: below 20 always no, 20 and up always yes; noise overlaps
    Table train = CsvFiles.read(csv("t.csv", "score,noise,y", 40,
        i -> (i < 20 ? i : i + 5) + "," + (i % 9) + "," + (i < 20 ? "no" : "yes")));

    List<DataWarning> warnings = card(train).warnings();

    assertThat(warnings.size(), is(1));
    assertThat(warnings.get(0).column(), is("score"));
    assertThat(
        warnings.get(0).details(), equalTo(Map.<String, Object>of("how", "thresholds", "thresholds", List.of(22.0))));
    assertThat(
        warnings.get(0).message(), containsString("'score' split at [22.0] puts the training rows of each class"));
  }

  @Test
  public void multiclassRangesNeedAThresholdBetweenEachPairAndMissingValuesOfOneClass() throws IOException {
    // level 0-9 is a, 10-19 b, 20-29 c; with one c missing too. tangled: b's range holds an a.
    Table train = CsvFiles.read(csv("t.csv", "level,tangled,y", 30,
        i -> (i == 29 ? "?" : String.valueOf(i)) + "," + (i == 15 ? 3 : i) + "," + "abc".charAt(i / 10)));

    List<DataWarning> warnings =
        DataCards.describe(train, TableEncoder.fit(train, "y", TaskType.MULTICLASS, null)).warnings();

    assertThat(warnings.stream().map(DataWarning::column).toList(), contains("level"));
    assertThat(warnings.get(0).details().get("thresholds"), equalTo(List.of(9.5, 19.5)));
  }

  @Test
  public void smallTablesAndRegressionGetNoSeparationWarning() throws IOException {
    Table small = CsvFiles.read(csv("s.csv", "x,y", TargetSeparation.MIN_ROWS - 1, i -> i + "," + (i < 9 ? "a" : "b")));
    assertThat(card(small).warnings(), is(empty()));
    Table regression = CsvFiles.read(csv("r.csv", "x,y", 40, i -> i + "," + (i * 1.5)));
    assertThat(
        DataCards.describe(regression, TableEncoder.fit(regression, "y", TaskType.REGRESSION, null)).warnings(),
        is(empty()));
  }
}

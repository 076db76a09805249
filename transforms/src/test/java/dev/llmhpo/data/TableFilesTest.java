package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TableFilesTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void formatFollowsTheExtension() {
    assertThat(TableFormat.of(Path.of("a/b.PARQUET")), is(TableFormat.PARQUET));
    assertThat(TableFormat.of(Path.of("b.avro")), is(TableFormat.AVRO));
    assertThat(TableFormat.of(Path.of("adult.data")), is(TableFormat.CSV));
    assertThat(TableFormat.of(Path.of("b.csv")), is(TableFormat.CSV));
  }

  @Test
  public void readDispatchesByExtension() throws IOException {
    Table csv = TableFiles.read(CsvFiles.write(folder, "sample.csv", TypedFiles.SAMPLE_CSV), CsvFiles.DEFAULTS);
    Path avro = TypedFiles.avro(folder, "sample.avro", TypedFiles.SAMPLE_AVRO, TypedFiles.SAMPLE_ROWS);
    Path parquet = TypedFiles.parquet(folder, "sample.parquet", TypedFiles.SAMPLE_PARQUET,
        CompressionCodecName.SNAPPY, TypedFiles.SAMPLE_ROWS);

    TypedFiles.assertSameTable(TableFiles.read(avro, CsvFiles.DEFAULTS), csv);
    TypedFiles.assertSameTable(TableFiles.read(parquet, CsvFiles.DEFAULTS), csv);
  }

  @Test
  public void aTypedTestFileWithOtherColumnsNamesBothFiles() throws IOException {
    Table train = TableFiles.read(CsvFiles.write(folder, "train.csv", "a,b", "1,x", "2,y"), CsvFiles.DEFAULTS);
    Schema schema = SchemaBuilder.record("r").fields().requiredInt("a").requiredString("c").endRecord();
    Path test = TypedFiles.avro(folder, "test.avro", schema, new Object[] {1, "z"});

    DataException e =
        assertThrows(DataException.class, () -> TableFiles.readLike(test, train, CsvFiles.DEFAULTS));

    assertThat(
        e.getMessage(),
        is(test + " has different columns from " + train.source() + ": missing [b], unexpected [c]"));
  }

  @Test
  public void aTypedTestFileWithAnotherColumnTypeIsRefusedByTheEncoding() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", "a,label", "1,x", "2,y", "3,x", "4,y", "5,x");
    Schema schema = SchemaBuilder.record("r").fields().requiredString("a").requiredString("label").endRecord();
    Path test = TypedFiles.avro(folder, "test.avro", schema, new Object[] {"one", "x"});

    DataSource source =
        DataSource.newBuilder().setTrainPath(train.toString()).setTestPath(test.toString()).setTarget("label").build();

    DataException e = assertThrows(DataException.class, () -> PreparedData.load(source, null, 0.2, 1));

    assertThat(e.getMessage(), is(test + " column 'a' is categorical but was numeric in the training data"));
  }

  @Test
  public void everyFormatPreparesTheSameMatrices() throws IOException {
    Object[][] train = rows(new Random(1), 40);
    Object[][] test = rows(new Random(2), 10);
    PreparedData fromCsv = prepare(csv("train.csv", train), csv("test.csv", test));
    PreparedData fromParquet = prepare(
        TypedFiles.parquet(folder, "train.parquet", TypedFiles.SAMPLE_PARQUET, CompressionCodecName.SNAPPY, train),
        TypedFiles.parquet(folder, "test.parquet", TypedFiles.SAMPLE_PARQUET, CompressionCodecName.SNAPPY, test));
    PreparedData fromAvro = prepare(
        TypedFiles.avro(folder, "train.avro", TypedFiles.SAMPLE_AVRO, train),
        TypedFiles.avro(folder, "test.avro", TypedFiles.SAMPLE_AVRO, test));
    PreparedData mixed = prepare(
        TypedFiles.parquet(folder, "mixed.parquet", TypedFiles.SAMPLE_PARQUET, CompressionCodecName.SNAPPY, train),
        csv("mixed-test.csv", test));

    for (PreparedData data : List.of(fromParquet, fromAvro, mixed)) {
      assertSameMatrix(data.train(), fromCsv.train());
      assertSameMatrix(data.validation(), fromCsv.validation());
      assertSameMatrix(data.test(), fromCsv.test());
      assertThat(data.card(), equalTo(fromCsv.card()));
    }
  }

  private PreparedData prepare(Path train, Path test) {
    DataSource source =
        DataSource.newBuilder().setTrainPath(train.toString()).setTestPath(test.toString()).setTarget("label").build();
    return PreparedData.load(source, null, 0.25, 7);
  }

  /** Rows of the sample's columns with random values, about a tenth of the nullable ones missing. */
  private static Object[][] rows(Random random, int count) {
    String[] colours = {"red", "green", "blue"};
    String[] sizes = {"S", "M", "L"};
    Object[][] rows = new Object[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new Object[] {
        i,
        random.nextInt(10) == 0 ? null : Math.round(random.nextGaussian() * 100) / 100.0,
        random.nextInt(10) == 0 ? null : (long) random.nextInt(1000),
        random.nextInt(64) / 4f,
        random.nextInt(10) == 0 ? null : colours[random.nextInt(3)],
        random.nextBoolean(),
        sizes[random.nextInt(3)],
        random.nextBoolean() ? "yes" : "no",
      };
    }
    return rows;
  }

  private Path csv(String name, Object[][] rows) throws IOException {
    List<String> lines = new ArrayList<>(List.of(TypedFiles.SAMPLE_CSV[0]));
    for (Object[] row : rows) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(value == null ? "" : value.toString());
      }
      lines.add(String.join(",", cells));
    }
    return CsvFiles.write(folder, name, lines.toArray(String[]::new));
  }

  private static void assertSameMatrix(EncodedMatrix actual, EncodedMatrix expected) {
    assertThat(actual.values(), equalTo(expected.values()));
    assertThat(actual.labels(), equalTo(expected.labels()));
    assertThat(actual.featureNames(), equalTo(expected.featureNames()));
    assertThat(actual.featureTypes(), equalTo(expected.featureTypes()));
  }
}

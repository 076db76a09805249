package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AvroTableReaderTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void readsLikeTheEquivalentCsv() throws IOException {
    Path avro = TypedFiles.avro(folder, "sample.avro", TypedFiles.SAMPLE_AVRO, TypedFiles.SAMPLE_ROWS);
    Table csv = CsvFiles.read(CsvFiles.write(folder, "sample.csv", TypedFiles.SAMPLE_CSV));

    Table table = AvroTableReader.read(avro);

    TypedFiles.assertSameTable(table, csv);
    assertThat(table.source(), is(avro.toString()));
    assertThat(((CategoricalColumn) table.requireColumn("flag")).categories(), contains("true", "false"));
  }

  @Test
  public void numericNaNAndNullFieldsAreMissing() throws IOException {
    Schema schema = SchemaBuilder.record("r").fields().requiredDouble("x").name("gone").type().nullType().noDefault()
        .endRecord();
    Table table = AvroTableReader.read(
        TypedFiles.avro(folder, "t.avro", schema, new Object[] {Double.NaN, null}, new Object[] {1.0, null}));

    assertThat(table.requireColumn("x").missingCount(), is(1));
    assertThat(table.requireColumn("gone").type(), is(ColumnType.NUMERIC));
    assertThat(table.requireColumn("gone").missingCount(), is(2));
  }

  @Test
  public void nestedAndBinaryFieldsAreRefusedNamingFileAndColumn() throws IOException {
    Schema inner = SchemaBuilder.record("inner").fields().requiredInt("a").endRecord();
    Schema[] refused = {
      inner,
      SchemaBuilder.array().items().intType(),
      SchemaBuilder.map().values().stringType(),
      SchemaBuilder.builder().bytesType(),
      SchemaBuilder.unionOf().intType().and().stringType().endUnion(),
    };
    for (Schema type : refused) {
      Schema schema = SchemaBuilder.record("r").fields().requiredInt("ok").name("bad").type(type).noDefault()
          .endRecord();
      Path file = TypedFiles.avro(folder, "bad-" + type.getType() + ".avro", schema);

      DataException e = assertThrows(DataException.class, () -> AvroTableReader.read(file));

      assertThat(e.getMessage(), allOf(containsString(file.toString()), containsString("column 'bad'")));
    }
  }

  @Test
  public void infiniteNumbersAreRefusedWithTheirRow() throws IOException {
    Schema schema = SchemaBuilder.record("r").fields().requiredDouble("x").endRecord();
    Path file =
        TypedFiles.avro(folder, "inf.avro", schema, new Object[] {1.0}, new Object[] {Double.POSITIVE_INFINITY});

    DataException e = assertThrows(DataException.class, () -> AvroTableReader.read(file));

    assertThat(
        e.getMessage(),
        is(file + " row 2 column 'x' holds Infinity; XGBoost needs finite numbers (NaN or null for missing)"));
  }

  @Test
  public void emptyMissingAndForeignFilesAreNamed() throws IOException {
    Schema schema = SchemaBuilder.record("r").fields().requiredDouble("x").endRecord();
    Path empty = TypedFiles.avro(folder, "empty.avro", schema);
    Path csv = CsvFiles.write(folder, "really-csv.avro", "x", "1");
    Path nowhere = folder.getRoot().toPath().resolve("nowhere.avro");

    assertThat(assertThrows(DataException.class, () -> AvroTableReader.read(empty)).getMessage(),
        is(empty + " has no data rows"));
    assertThat(assertThrows(DataException.class, () -> AvroTableReader.read(csv)).getMessage(),
        containsString("Cannot read data file " + csv + " as Avro"));
    assertThat(assertThrows(DataException.class, () -> AvroTableReader.read(nowhere)).getMessage(),
        is("Data file not found: " + nowhere));
  }
}

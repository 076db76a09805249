package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ParquetTableReaderTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void readsLikeTheEquivalentCsvWithEveryCommonCodec() throws IOException {
    Table csv = CsvFiles.read(CsvFiles.write(folder, "sample.csv", TypedFiles.SAMPLE_CSV));
    // SNAPPY is pyarrow's, Spark's and DuckDB's default, ZSTD polars'; each takes its own decompression path.
    CompressionCodecName[] codecs = {
      CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD,
      CompressionCodecName.GZIP, CompressionCodecName.LZ4_RAW
    };
    for (CompressionCodecName codec : codecs) {
      Path parquet = TypedFiles.parquet(
          folder, "sample-" + codec + ".parquet", TypedFiles.SAMPLE_PARQUET, codec, TypedFiles.SAMPLE_ROWS);

      Table table = ParquetTableReader.read(parquet);

      TypedFiles.assertSameTable(table, csv);
      assertThat(table.source(), is(parquet.toString()));
    }
  }

  @Test
  public void columnNamesNeedNotBeIdentifiers() throws IOException {
    // Avro-based readers refuse such names; pandas and Spark write them freely.
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.DOUBLE).named("petal length")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("education-num")
        .named("m");
    Path file = TypedFiles.parquet(folder, "names.parquet", schema, CompressionCodecName.SNAPPY,
        new Object[] {1.5, "x"}, new Object[] {2.5, null});

    Table table = ParquetTableReader.read(file);

    assertThat(table.columnNames(), contains("petal length", "education-num"));
    assertThat(table.requireColumn("education-num").missingCount(), is(1));
  }

  @Test
  public void datesAndUnsignedIntegersAreNumbers() throws IOException {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day")
        .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("u32")
        .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("u64")
        .named("m");
    Path file = TypedFiles.parquet(folder, "numbers.parquet", schema, CompressionCodecName.UNCOMPRESSED,
        new Object[] {19000, -1, -1L});

    Table table = ParquetTableReader.read(file);

    assertThat(((NumericColumn) table.requireColumn("day")).value(0), is(19000.0));
    assertThat(((NumericColumn) table.requireColumn("u32")).value(0), is(4294967295.0));
    assertThat(((NumericColumn) table.requireColumn("u64")).value(0), is(18446744073709551615.0));
  }

  @Test
  public void nestedRepeatedDecimalAndBinaryColumnsAreRefusedNamingFileAndColumn() throws IOException {
    Type[] refused = {
      Types.optionalGroup().required(PrimitiveTypeName.INT32).named("a").named("bad"),
      Types.repeated(PrimitiveTypeName.INT32).named("bad"),
      Types.optionalList().optionalElement(PrimitiveTypeName.INT32).named("bad"),
      Types.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 12)).named("bad"),
      Types.required(PrimitiveTypeName.INT96).named("bad"),
      Types.required(PrimitiveTypeName.BINARY).named("bad"),
    };
    for (int i = 0; i < refused.length; i++) {
      MessageType schema =
          Types.buildMessage().required(PrimitiveTypeName.INT32).named("ok").addField(refused[i]).named("m");
      Path file = TypedFiles.parquet(folder, "bad-" + i + ".parquet", schema, CompressionCodecName.UNCOMPRESSED);

      DataException e = assertThrows(DataException.class, () -> ParquetTableReader.read(file));

      assertThat(e.getMessage(), allOf(containsString(file.toString()), containsString("column 'bad'")));
    }
  }

  @Test
  public void emptyMissingAndForeignFilesAreNamed() throws IOException {
    Path empty = TypedFiles.parquet(folder, "empty.parquet", TypedFiles.SAMPLE_PARQUET, CompressionCodecName.SNAPPY);
    Path csv = CsvFiles.write(folder, "really-csv.parquet", "x", "1");
    Path nowhere = folder.getRoot().toPath().resolve("nowhere.parquet");

    assertThat(assertThrows(DataException.class, () -> ParquetTableReader.read(empty)).getMessage(),
        is(empty + " has no data rows"));
    assertThat(assertThrows(DataException.class, () -> ParquetTableReader.read(csv)).getMessage(),
        containsString("Cannot read data file " + csv + " as Parquet"));
    assertThat(assertThrows(DataException.class, () -> ParquetTableReader.read(nowhere)).getMessage(),
        is("Data file not found: " + nowhere));
  }
}

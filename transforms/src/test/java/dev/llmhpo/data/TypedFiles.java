package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.rules.TemporaryFolder;

/**
 * Writes small Avro and Parquet files for tests with the libraries the readers use, and holds one sample table in
 * all three formats: every supported kind of column, with missing values.
 */
final class TypedFiles {
  static final String[] SAMPLE_CSV = {
    "id,x,n,r,colour,flag,size,label",
    "1,0.5,10,1.25,red,true,S,yes",
    "2,,,2.5,,false,M,no",
    "3,-1.5,30,-0.75,blue,true,L,no",
    "4,2.0,40,0,red,false,S,yes",
  };

  static final Object[][] SAMPLE_ROWS = {
    {1, 0.5, 10L, 1.25f, "red", true, "S", "yes"},
    {2, null, null, 2.5f, null, false, "M", "no"},
    {3, -1.5, 30L, -0.75f, "blue", true, "L", "no"},
    {4, 2.0, 40L, 0f, "red", false, "S", "yes"},
  };

  static final Schema SAMPLE_AVRO =
      SchemaBuilder.record("sample").fields()
          .requiredInt("id")
          .optionalDouble("x")
          .optionalLong("n")
          .requiredFloat("r")
          .optionalString("colour")
          .requiredBoolean("flag")
          .name("size").type().enumeration("Size").symbols("S", "M", "L").noDefault()
          .requiredString("label")
          .endRecord();

  static final MessageType SAMPLE_PARQUET =
      Types.buildMessage()
          .required(PrimitiveTypeName.INT32).named("id")
          .optional(PrimitiveTypeName.DOUBLE).named("x")
          .optional(PrimitiveTypeName.INT64).named("n")
          .required(PrimitiveTypeName.FLOAT).named("r")
          .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("colour")
          .required(PrimitiveTypeName.BOOLEAN).named("flag")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.enumType()).named("size")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
          .named("sample");

  private TypedFiles() {}

  /** An Avro container file of {@code rows}, one value per field in field order, null for missing. */
  static Path avro(TemporaryFolder folder, String name, Schema schema, Object[]... rows) throws IOException {
    Path file = folder.getRoot().toPath().resolve(name);
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, file.toFile());
      for (Object[] row : rows) {
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < row.length; i++) {
          Schema field = schema.getFields().get(i).schema();
          record.put(i, field.getType() == Schema.Type.ENUM ? new GenericData.EnumSymbol(field, row[i]) : row[i]);
        }
        writer.append(record);
      }
    }
    return file;
  }

  /** A Parquet file of {@code rows}, one value per field in field order, null for missing. */
  static Path parquet(
      TemporaryFolder folder, String name, MessageType schema, CompressionCodecName codec, Object[]... rows)
      throws IOException {
    Path file = folder.getRoot().toPath().resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(codec)
            .build()) {
      for (Object[] row : rows) {
        Group group = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
          String field = schema.getFieldName(i);
          Object value = row[i];
          if (value instanceof Integer v) {
            group.append(field, v);
          } else if (value instanceof Long v) {
            group.append(field, v);
          } else if (value instanceof Float v) {
            group.append(field, v);
          } else if (value instanceof Double v) {
            group.append(field, v);
          } else if (value instanceof Boolean v) {
            group.append(field, v);
          } else if (value != null) {
            group.append(field, value.toString());
          }
        }
        writer.write(group);
      }
    }
    return file;
  }

  /** The two tables hold the same columns, of the same types, with the same values row by row. */
  static void assertSameTable(Table actual, Table expected) {
    assertThat(actual.columnNames(), equalTo(expected.columnNames()));
    assertThat(actual.schema(), equalTo(expected.schema()));
    assertThat(actual.rowCount(), is(expected.rowCount()));
    for (int c = 0; c < expected.columns().size(); c++) {
      Column want = expected.columns().get(c);
      Column got = actual.columns().get(c);
      for (int row = 0; row < expected.rowCount(); row++) {
        String where = want.name() + " row " + row;
        if (want instanceof NumericColumn numbers) {
          assertThat(where, ((NumericColumn) got).value(row), is(numbers.value(row)));
        } else {
          assertThat(where, ((CategoricalColumn) got).value(row), is(((CategoricalColumn) want).value(row)));
        }
      }
    }
  }
}

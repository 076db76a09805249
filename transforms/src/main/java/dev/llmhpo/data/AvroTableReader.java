package dev.llmhpo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads an Avro container file of records into a {@link Table}, one column per top-level field.
 *
 * <p>int, long, float and double fields are numeric; string, enum and boolean fields categorical (booleans as
 * {@code true}/{@code false}, enums by symbol). A union of null with one of these is the same column, null being
 * missing; a field of type null is an all-missing numeric column, as an empty CSV column is. Logical types count as
 * the type under them, so dates and timestamps are numeric. Records, arrays, maps, bytes, fixed (decimals
 * included) and other unions are refused, naming the file and field, before any row is read.
 *
 * <p>The data is read with Avro's own {@link DataFileReader} rather than Beam's AvroIO: it is loaded in a DoFn's
 * {@code @Setup} and on the launcher, plain Java with no pipeline to apply a transform in.
 */
public final class AvroTableReader {
  private AvroTableReader() {}

  public static Table read(Path file) {
    if (Files.notExists(file)) {
      throw new DataException("Data file not found: " + file);
    }
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      Schema schema = reader.getSchema();
      if (schema.getType() != Schema.Type.RECORD) {
        throw new DataException(
            file + " holds Avro values of type " + schema.getType().getName()
                + ", not records with one field per column");
      }
      List<Schema.Field> fields = schema.getFields();
      List<ColumnSpec> columns = new ArrayList<>();
      for (Schema.Field field : fields) {
        columns.add(new ColumnSpec(field.name(), columnType(file, field)));
      }
      TableBuilder table = new TableBuilder(file.toString(), columns);
      GenericRecord record = null;
      while (reader.hasNext()) {
        record = reader.next(record);
        for (int i = 0; i < fields.size(); i++) {
          Object value = record.get(i);
          if (value == null) {
            table.addMissing(i);
          } else if (columns.get(i).type() == ColumnType.NUMERIC) {
            table.addNumber(i, ((Number) value).doubleValue());
          } else {
            table.addText(i, value.toString());
          }
        }
        table.endRow();
      }
      return table.build();
    } catch (IOException | AvroRuntimeException e) {
      throw new DataException("Cannot read data file " + file + " as Avro: " + e.getMessage(), e);
    }
  }

  private static ColumnType columnType(Path file, Schema.Field field) {
    Schema schema = nonNull(field.schema());
    return switch (schema.getType()) {
      case INT, LONG, FLOAT, DOUBLE, NULL -> ColumnType.NUMERIC;
      case STRING, ENUM, BOOLEAN -> ColumnType.CATEGORICAL;
      default -> throw new DataException(
          file + " column '" + field.name() + "' has Avro type " + field.schema()
              + ", which cannot be a column here: use int, long, float, double, string, enum or boolean,"
              + " each optionally in a union with null");
    };
  }

  /** The type inside a union of null and one other type; any other schema as it is. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return types.size() == 1 && schema.getTypes().size() == 2 ? types.get(0) : schema;
  }
}

package dev.llmhpo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file into a {@link Table}, one column per top-level field.
 *
 * <p>INT32, INT64, FLOAT and DOUBLE fields are numeric (dates, times and timestamps as their stored number);
 * strings and enums (BINARY annotated as such) and BOOLEAN are categorical. Optional fields' nulls are missing.
 * Nested groups, repeated fields (lists, maps), decimals, INT96 and unannotated binary are refused, naming the
 * file and column, before any row is read.
 *
 * <p>How it reads, and why: the data is loaded in a DoFn's {@code @Setup} and on the launcher, plain Java with no
 * pipeline, so Beam's ParquetIO (a transform) does not fit. Its Avro route (parquet-avro) does not fit either: it
 * turns Parquet's schema into an Avro schema and so refuses any column name that is not an Avro name, such as
 * {@code petal length} or {@code education-num}. The file is read with parquet-hadoop's own record API instead,
 * through {@link LocalInputFile}, which opens local files without Hadoop's FileSystem; parquet-hadoop still loads
 * Hadoop's Configuration and codec classes, hence the trimmed Hadoop jars in the pom.
 */
public final class ParquetTableReader {
  private ParquetTableReader() {}

  public static Table read(Path file) {
    if (Files.notExists(file)) {
      throw new DataException("Data file not found: " + file);
    }
    InputFile input = new LocalInputFile(file);
    try {
      MessageType schema;
      try (ParquetFileReader footer = ParquetFileReader.open(input)) {
        schema = footer.getFileMetaData().getSchema();
      }
      List<ColumnSpec> columns = new ArrayList<>();
      for (Type field : schema.getFields()) {
        columns.add(new ColumnSpec(field.getName(), columnType(file, field)));
      }
      TableBuilder table = new TableBuilder(file.toString(), columns);
      try (ParquetReader<Group> reader = new GroupReaderBuilder(input).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          for (int i = 0; i < columns.size(); i++) {
            if (row.getFieldRepetitionCount(i) == 0) {
              table.addMissing(i);
            } else if (columns.get(i).type() == ColumnType.NUMERIC) {
              table.addNumber(i, number(row, i, schema.getType(i).asPrimitiveType()));
            } else {
              table.addText(i, row.getValueToString(i, 0));
            }
          }
          table.endRow();
        }
      }
      return table.build();
    } catch (DataException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // parquet-hadoop reports a file that is not Parquet, or a corrupt one, with plain RuntimeExceptions.
      throw new DataException("Cannot read data file " + file + " as Parquet: " + e.getMessage(), e);
    }
  }

  private static ColumnType columnType(Path file, Type field) {
    if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
      PrimitiveType primitive = field.asPrimitiveType();
      LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
      boolean decimal = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
      switch (primitive.getPrimitiveTypeName()) {
        case INT32, INT64, FLOAT, DOUBLE:
          if (!decimal) {
            return ColumnType.NUMERIC;
          }
          break;
        case BOOLEAN:
          return ColumnType.CATEGORICAL;
        case BINARY:
          if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
              || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
            return ColumnType.CATEGORICAL;
          }
          break;
        default:
          break;
      }
    }
    throw new DataException(
        file + " column '" + field.getName() + "' has Parquet type '" + field.toString().replaceAll("\\s+", " ").trim()
            + "', which cannot be a column here: use INT32, INT64, FLOAT, DOUBLE, BOOLEAN or STRING fields,"
            + " optional or required (not nested, repeated or decimal)");
  }

  private static double number(Group row, int field, PrimitiveType type) {
    boolean unsigned =
        type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
            && !integer.isSigned();
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> unsigned ? Integer.toUnsignedLong(row.getInteger(field, 0)) : row.getInteger(field, 0);
      case INT64 -> unsigned ? unsignedLong(row.getLong(field, 0)) : row.getLong(field, 0);
      case FLOAT -> row.getFloat(field, 0);
      default -> row.getDouble(field, 0);
    };
  }

  private static double unsignedLong(long bits) {
    return bits >= 0 ? bits : (double) (bits >>> 1) * 2 + (bits & 1);
  }

  /** A reader of Parquet's generic {@link Group} records from an {@link InputFile}, without Hadoop's config. */
  private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
    GroupReaderBuilder(InputFile file) {
      super(file, new PlainParquetConfiguration());
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }
}

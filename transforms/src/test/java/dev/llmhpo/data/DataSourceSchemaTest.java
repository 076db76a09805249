package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.llmhpo.schema.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.Test;

/** A study.avro written before the CSV settings existed still reads, with the settings a study had then. */
public class DataSourceSchemaTest {
  /** DataSource as study.avro files wrote it before delimiter, quote, decimal and numericColumns. */
  private static final Schema BEFORE_CSV_SETTINGS = new Schema.Parser().parse(
      "{\"type\": \"record\", \"name\": \"DataSource\", \"namespace\": \"dev.llmhpo.schema\", \"fields\": ["
          + "{\"name\": \"trainPath\", \"type\": \"string\"},"
          + "{\"name\": \"testPath\", \"type\": [\"null\", \"string\"], \"default\": null},"
          + "{\"name\": \"target\", \"type\": \"string\"},"
          + "{\"name\": \"positiveClass\", \"type\": [\"null\", \"string\"], \"default\": null}]}");

  @Test
  public void anOldDataSourceReadsWithTheDefaultCsvSettings() throws IOException {
    GenericRecord old = new GenericData.Record(BEFORE_CSV_SETTINGS);
    old.put("trainPath", "/data/adult.data.csv");
    old.put("target", "ltgt50k");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(BEFORE_CSV_SETTINGS).write(old, encoder);
    encoder.flush();

    DataSource source =
        new SpecificDatumReader<DataSource>(BEFORE_CSV_SETTINGS, DataSource.getClassSchema())
            .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    assertThat(source.getTrainPath(), is("/data/adult.data.csv"));
    assertThat(source.getDelimiter(), is(nullValue()));
    assertThat(source.getNumericColumns(), is(empty()));
    assertThat(ReadSettings.of(source), is(CsvFiles.DEFAULTS));
  }
}

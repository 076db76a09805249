package dev.llmhpo.io;

import dev.llmhpo.schema.TrialResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes one round file: a plain Avro container of {@link TrialResult}, one trial per block, with the
 * {@link RoundChecksums} entries in its header. Each record is serialised once; those bytes are hashed and then
 * appended as they are, uncompressed, so the hashes cover every byte of the blocks' data. (Deflate, which round
 * files were written with before checksums, gains little on blocks of one trial, and the padding bits that end a
 * deflate stream can change without changing what it inflates to.)
 */
final class RoundWriter {
  private RoundWriter() {}

  static void write(List<TrialResult> results, OutputStream out) throws IOException {
    byte[] schemaJson = TrialResult.getClassSchema().toString().getBytes(StandardCharsets.UTF_8); // as create() stores it
    SpecificDatumWriter<TrialResult> datumWriter = new SpecificDatumWriter<>(TrialResult.class);
    List<byte[]> records = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (TrialResult result : results) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      datumWriter.write(result, encoder);
      encoder.flush();
      records.add(bytes.toByteArray());
      ids.add(result.getTrial().getTrialId());
      hashes.add(RoundChecksums.sha256(schemaJson, bytes.toByteArray()));
    }
    String studyId = results.isEmpty() ? "" : results.get(0).getTrial().getStudyId();
    try (DataFileWriter<TrialResult> writer = new DataFileWriter<>(datumWriter)) {
      writer.setCodec(CodecFactory.nullCodec());
      new RoundChecksums(studyId, ids, hashes).setOn(writer);
      writer.create(TrialResult.getClassSchema(), out);
      for (byte[] record : records) {
        writer.appendEncoded(ByteBuffer.wrap(record));
        writer.sync(); // ends the block: one trial per block
      }
    }
  }
}

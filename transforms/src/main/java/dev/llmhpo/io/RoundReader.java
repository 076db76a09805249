package dev.llmhpo.io;

import dev.llmhpo.io.RoundBlocks.Block;
import dev.llmhpo.io.RoundBlocks.Fault;
import dev.llmhpo.io.RoundCheck.Lost;
import dev.llmhpo.io.RoundCheck.Verdict;
import dev.llmhpo.schema.TrialResult;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.InvalidAvroMagicException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads one round file with Avro's {@link DataFileReader} and checks it against its {@link RoundChecksums}: every
 * trial its header lists must be in a block whose data matches the trial's SHA-256, and nothing else may be in the
 * file. A file written before checksums is read as far as it is a whole container file, and said to be
 * unverifiable.
 */
final class RoundReader {
  private RoundReader() {}

  /** Damage that leaves nothing to read: an empty file, another format, a header cut short or unreadable. */
  private static final class HeaderDamage extends Exception {
    HeaderDamage(String what) {
      super(what, null, false, false);
    }
  }

  /** @throws IllegalArgumentException naming the file when it cannot be read at all (permissions, I/O) */
  static RoundCheck check(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    try (DataFileReader<Object> reader = open(bytes)) {
      Schema schema = schema(reader);
      RoundChecksums declared = checksums(reader);
      RoundBlocks blocks = RoundBlocks.read(reader, bytes);
      return declared == null
          ? unverifiable(file, schema, blocks)
          : verify(file, schema, reader.getMeta(DataFileConstants.SCHEMA), blocks, declared, bytes.length);
    } catch (HeaderDamage e) {
      return new RoundCheck(file, Verdict.DAMAGED, e.getMessage(), List.of(), null);
    } catch (IOException e) { // from an array in memory: not expected
      throw new IllegalArgumentException(file + " could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The file's header read, positioned at its first block. */
  private static DataFileReader<Object> open(byte[] bytes) throws HeaderDamage {
    if (bytes.length == 0) {
      throw new HeaderDamage("empty");
    }
    byte[] magic = DataFileConstants.MAGIC;
    if (bytes.length < magic.length) { // Avro says "Not an Avro data file." of any file this short
      throw new HeaderDamage(Arrays.equals(bytes, 0, bytes.length, magic, 0, bytes.length) ? "cut short in its header" : "not an Avro file");
    }
    DataFileReader<Object> reader;
    try {
      reader = new DataFileReader<>(new SeekableByteArrayInput(bytes), new GenericDatumReader<>());
    } catch (InvalidAvroMagicException e) {
      throw new HeaderDamage("not an Avro file");
    } catch (EOFException e) {
      throw new HeaderDamage("cut short in its header");
    } catch (SchemaParseException e) {
      throw new HeaderDamage("a damaged header (its schema does not parse)");
    } catch (NullPointerException e) { // Avro 1.11.4 hands a missing avro.schema entry to the JSON parser as null
      throw new HeaderDamage("a damaged header (no schema)");
    } catch (IOException | RuntimeException e) { // a length or count that cannot be one, an unknown codec
      throw new HeaderDamage("a damaged header (" + printable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
    return reader;
  }

  /** The message is one line, whatever the bytes. */
  private static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /**
   * The file's schema, once its codec is one the trial log is written with. It is parsed again, with its names and
   * defaults checked, which Avro's reader does not do: a changed byte in a name is a damaged header.
   */
  private static Schema schema(DataFileReader<?> reader) throws HeaderDamage {
    String codec = reader.getMetaString(DataFileConstants.CODEC);
    if (codec != null && !codec.equals(DataFileConstants.NULL_CODEC) && !codec.equals(DataFileConstants.DEFLATE_CODEC)) {
      throw new HeaderDamage("a damaged header (codec '" + printable(codec) + "', which the trial log is not written with)");
    }
    try {
      return new Schema.Parser().parse(reader.getMetaString(DataFileConstants.SCHEMA));
    } catch (RuntimeException e) {
      throw new HeaderDamage("a damaged header (its schema does not parse)");
    }
  }

  private static RoundChecksums checksums(DataFileReader<?> reader) throws HeaderDamage {
    try {
      return RoundChecksums.read(reader);
    } catch (IOException e) {
      throw new HeaderDamage("a damaged header (" + e.getMessage() + ")");
    }
  }

  private static RoundCheck verify(Path file, Schema schema, byte[] schemaJson, RoundBlocks found, RoundChecksums declared, int length) {
    List<Integer> ids = declared.ids();
    Map<String, Integer> positionOf = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      positionOf.putIfAbsent(declared.sha256().get(i), i);
    }
    TrialResult[] intact = new TrialResult[ids.size()];
    List<Fault> problems = new ArrayList<>(found.faults());
    long lastIntact = -1;
    for (Block block : found.blocks()) {
      Integer i = positionOf.get(RoundChecksums.sha256(schemaJson, block.data()));
      TrialResult trial = i == null || intact[i] != null ? null : listedTrial(schema, block, declared, i);
      if (trial == null) {
        problems.add(
            new Fault(
                block.offset(),
                i == null
                    ? "a checksum mismatch in the block at byte " + block.offset()
                    : intact[i] != null
                        ? "a second copy of trial " + ids.get(i) + " at byte " + block.offset()
                        : "the block at byte " + block.offset() + " is not the trial its header lists"));
      } else {
        intact[i] = trial;
        lastIntact = block.offset();
      }
    }
    List<TrialResult> kept = new ArrayList<>();
    List<Integer> lost = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (intact[i] != null) {
        kept.add(intact[i]);
      } else {
        lost.add(ids.get(i));
      }
    }
    Lost lostTrials = new Lost(declared.studyId(), lost);
    if (problems.isEmpty() && lost.isEmpty()) {
      return new RoundCheck(file, Verdict.VERIFIED, TrialIds.count(ids.size()), kept, lostTrials);
    }
    problems.sort(Comparator.comparingLong(Fault::offset));
    String what;
    if (lost.isEmpty() && lastIntact < problems.get(0).offset()) {
      long extra = length - problems.get(0).offset();
      what = extra + (extra == 1 ? " byte" : " bytes") + " appended after its last block";
    } else {
      what = problems.isEmpty() ? RoundBlocks.CUT_SHORT : summary(problems); // no fault: cut at a block's end
    }
    String holds =
        lost.isEmpty()
            ? "its " + TrialIds.count(ids.size()) + (ids.size() == 1 ? " is" : " are") + " intact"
            : "it holds " + kept.size() + " of its " + TrialIds.count(ids.size()) + " (lost: " + TrialIds.of(lost) + ")";
    return new RoundCheck(file, Verdict.DAMAGED, what + ": " + holds, kept, lostTrials);
  }

  /** The trial in a block whose data matched the checksum at {@code position}; null if it is not the one listed there. */
  private static TrialResult listedTrial(Schema schema, Block block, RoundChecksums declared, int position) {
    if (block.count() != 1) {
      return null;
    }
    try {
      TrialResult trial = decode(schema, block).get(0);
      boolean listed =
          trial.getTrial().getTrialId() == declared.ids().get(position)
              && trial.getTrial().getStudyId().equals(declared.studyId());
      return listed ? trial : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static RoundCheck unverifiable(Path file, Schema schema, RoundBlocks found) {
    List<TrialResult> read = new ArrayList<>();
    List<Fault> problems = new ArrayList<>(found.faults());
    for (Block block : found.blocks()) {
      try {
        read.addAll(decode(schema, block));
      } catch (IOException | RuntimeException e) {
        problems.add(new Fault(block.offset(), "a block at byte " + block.offset() + " that does not decode"));
      }
    }
    if (problems.isEmpty()) {
      return new RoundCheck(file, Verdict.UNVERIFIABLE, TrialIds.count(read.size()), read, null);
    }
    problems.sort(Comparator.comparingLong(Fault::offset));
    return new RoundCheck(
        file,
        Verdict.DAMAGED,
        summary(problems) + ": " + TrialIds.count(read.size()) + " read; which trials it held is not known (written before checksums)",
        read,
        null);
  }

  private static List<TrialResult> decode(Schema writer, Block block) throws IOException {
    SpecificDatumReader<TrialResult> reader = new SpecificDatumReader<>(writer, TrialResult.getClassSchema());
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(block.data(), null);
    List<TrialResult> records = new ArrayList<>();
    for (long i = 0; i < block.count(); i++) {
      records.add(reader.read(null, decoder));
    }
    if (!decoder.isEnd()) {
      throw new IOException("bytes left after its records");
    }
    return records;
  }

  private static String summary(List<Fault> problems) {
    int more = problems.size() - 1;
    return problems.get(0).what() + (more == 0 ? "" : " and " + more + (more == 1 ? " more problem" : " more problems"));
  }
}

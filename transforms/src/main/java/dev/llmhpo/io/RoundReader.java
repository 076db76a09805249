package dev.llmhpo.io;

import dev.llmhpo.io.ContainerFile.Block;
import dev.llmhpo.io.ContainerFile.Fault;
import dev.llmhpo.io.RoundCheck.Lost;
import dev.llmhpo.io.RoundCheck.Verdict;
import dev.llmhpo.schema.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads one round file and checks it against its {@link RoundChecksums}: every trial its header lists must be in a
 * block whose data matches the trial's SHA-256, and nothing else may be in the file. A file written before
 * checksums is read as far as it is a whole container file, and said to be unverifiable.
 */
final class RoundReader {
  private RoundReader() {}

  /** @throws IllegalArgumentException naming the file when it cannot be read at all (permissions, I/O) */
  static RoundCheck check(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    ContainerFile container;
    RoundChecksums declared;
    try {
      container = ContainerFile.parse(bytes);
      declared = checksums(container);
    } catch (ContainerFile.HeaderDamage e) {
      return new RoundCheck(file, Verdict.DAMAGED, e.getMessage(), List.of(), null);
    }
    return declared == null ? unverifiable(file, container) : verify(file, container, declared, bytes.length);
  }

  private static RoundChecksums checksums(ContainerFile container) throws ContainerFile.HeaderDamage {
    try {
      return RoundChecksums.read(container.meta());
    } catch (IOException e) {
      throw new ContainerFile.HeaderDamage("a damaged header (" + e.getMessage() + ")");
    }
  }

  private static RoundCheck verify(Path file, ContainerFile container, RoundChecksums declared, int length) {
    List<Integer> ids = declared.ids();
    Map<String, Integer> positionOf = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      positionOf.putIfAbsent(declared.sha256().get(i), i);
    }
    TrialResult[] intact = new TrialResult[ids.size()];
    List<Fault> problems = new ArrayList<>(container.faults());
    int lastIntact = -1;
    for (Block block : container.blocks()) {
      Integer i = positionOf.get(RoundChecksums.sha256(container.schemaJson(), block.data()));
      TrialResult trial = i == null || intact[i] != null ? null : listedTrial(container.schema(), block, declared, i);
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
    problems.sort(Comparator.comparingInt(Fault::offset));
    String what;
    if (lost.isEmpty() && lastIntact < problems.get(0).offset()) {
      int extra = length - problems.get(0).offset();
      what = extra + (extra == 1 ? " byte" : " bytes") + " appended after its last block";
    } else {
      what = problems.isEmpty() ? ContainerFile.CUT_SHORT : summary(problems); // no fault: cut at a block's end
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

  private static RoundCheck unverifiable(Path file, ContainerFile container) {
    List<TrialResult> read = new ArrayList<>();
    List<Fault> problems = new ArrayList<>(container.faults());
    for (Block block : container.blocks()) {
      try {
        read.addAll(decode(container.schema(), block));
      } catch (IOException | RuntimeException e) {
        problems.add(new Fault(block.offset(), "a block at byte " + block.offset() + " that does not decode"));
      }
    }
    if (problems.isEmpty()) {
      return new RoundCheck(file, Verdict.UNVERIFIABLE, TrialIds.count(read.size()), read, null);
    }
    problems.sort(Comparator.comparingInt(Fault::offset));
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

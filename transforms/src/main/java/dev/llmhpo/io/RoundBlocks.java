package dev.llmhpo.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DeflateCodec;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The blocks of a round file after its header, as Avro's {@link DataFileReader} reads them ({@link
 * DataFileReader#nextBlock}: a block's data, decompressed; {@link DataFileReader#getBlockCount}: its records), each
 * with its byte offset ({@link DataFileReader#previousSync}), and what is wrong with the file, in file order. After a
 * block Avro cannot read, reading goes on at the next sync marker ({@link DataFileReader#sync}), so that the intact
 * blocks after a damaged one are read too.
 *
 * <p>The one thing read here without {@link DataFileReader} is each block's frame, its record count and size, with
 * Avro's decoder ({@link #frame}), before Avro reads the block; Avro 1.11.4 cannot be asked to do it safely:
 *
 * <ul>
 *   <li>it allocates a block's declared size before reading a byte of it, and a size is a varint that damage can
 *       make up to 2 GiB: 6 bytes appended to a round file end the reader with an {@link OutOfMemoryError}
 *       (AVRO-4323 bounds the size by the input, in no release yet);
 *   <li>it reads a block that runs past the end of the file as the end of the file, which here is told apart from a
 *       block whose size is wrong by whether a sync marker follows;
 *   <li>it throws away a block whose sync marker is wrong, although its data may be whole (its checksum says so),
 *       and with one bit of the header's sync marker changed that is every trial of the round: the frame says
 *       where that data is.
 * </ul>
 *
 * @param blocks the blocks that could be read, data decompressed; a block whose sync marker is wrong is kept (its
 *     data may be whole: the caller checks it), one whose data does not inflate is not
 * @param faults what is wrong, in file order; {@link #CUT_SHORT} when the file ends inside a block
 */
record RoundBlocks(List<Block> blocks, List<Fault> faults) {
  static final String CUT_SHORT = "cut short";

  record Block(long offset, long count, byte[] data) {}

  record Fault(long offset, String what) {}

  /** A block's record count, where its data lies in the file and how long it is; the block ends after its sync marker. */
  private record Frame(long count, int data, int size) {
    int end() {
      return data + size + DataFileConstants.SYNC_SIZE;
    }
  }

  /** The blocks {@code reader} finds after its header; {@code bytes} is the whole file it reads. */
  static RoundBlocks read(DataFileReader<?> reader, byte[] bytes) throws IOException {
    boolean deflate = DataFileConstants.DEFLATE_CODEC.equals(reader.getMetaString(DataFileConstants.CODEC));
    List<Block> blocks = new ArrayList<>();
    List<Fault> faults = new ArrayList<>();
    for (long offset = reader.previousSync(); offset < bytes.length; offset = reader.previousSync()) {
      Frame frame;
      try {
        frame = frame(bytes, offset);
      } catch (IOException e) {
        reader.sync(offset); // to just after the next sync marker, or to the end when there is none
        if (reader.previousSync() >= bytes.length) {
          faults.add(new Fault(offset, e instanceof EOFException ? CUT_SHORT : "unreadable from byte " + offset + " on (" + e.getMessage() + ")"));
          break;
        }
        faults.add(new Fault(offset, damagedBlock(offset, e instanceof EOFException ? "its size runs past the end" : e.getMessage())));
        continue;
      }
      try {
        if (reader.hasNext()) {
          ByteBuffer data = reader.nextBlock();
          blocks.add(new Block(offset, reader.getBlockCount(), bytes(data)));
          continue;
        }
        faults.add(new Fault(offset, damagedBlock(offset, "it holds no record"))); // which hasNext() reads and takes for the end
      } catch (AvroRuntimeException e) { // Avro read the whole block and then found the sync marker after it wrong, or its data not inflating
        try {
          ByteBuffer data = ByteBuffer.wrap(bytes, frame.data(), frame.size());
          blocks.add(new Block(offset, frame.count(), bytes(deflate ? new DeflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL).decompress(data) : data)));
          faults.add(new Fault(offset, damagedBlock(offset, "its sync marker is not the header's"))); // as its data inflates
        } catch (IOException notInflating) {
          faults.add(new Fault(offset, damagedBlock(offset, "its data does not inflate")));
        }
      }
      reader.seek(frame.end());
    }
    return new RoundBlocks(blocks, faults);
  }

  /**
   * The frame of the block at {@code offset}, read as {@link DataFileReader} reads it.
   *
   * @throws EOFException when the block runs past the end of the file
   * @throws IOException when its count or size cannot be one
   */
  private static Frame frame(byte[] bytes, long offset) throws IOException {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, (int) offset, bytes.length - (int) offset, null);
    long count, size;
    try {
      count = decoder.readLong();
      size = decoder.readLong();
    } catch (EOFException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("its record count or size is not a number");
    }
    if (size < 0) {
      throw new IOException("a size of " + size);
    }
    int data = bytes.length - decoder.inputStream().available(); // the decoder's input stream holds what it has not read
    if (size > bytes.length - data - DataFileConstants.SYNC_SIZE) {
      throw new EOFException();
    }
    return new Frame(count, data, (int) size);
  }

  private static String damagedBlock(long offset, String why) {
    return "a damaged block at byte " + offset + " (" + why + ")";
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}

package dev.llmhpo.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.avro.Schema;

/**
 * An Avro object container file taken apart by hand: the header (magic, metadata, sync marker), then blocks of a
 * record count, a size, the data and the sync marker again. Avro's own reader takes a file that ends inside a block
 * for one that ends there, and fails on other damage without saying where; here every fault is kept with its byte
 * offset, and blocks after a damaged one are found again by the sync marker. Reads the codecs the trial log is
 * written with, deflate and null.
 *
 * @param blocks the blocks that could be read, data inflated; a block whose sync marker is wrong is kept (its
 *     data may be whole: the caller checks it), one that does not inflate is not
 * @param faults what is wrong, in file order; {@code "cut short"} when the file ends inside a block
 */
record ContainerFile(Map<String, byte[]> meta, Schema schema, List<Block> blocks, List<Fault> faults) {
  private static final byte[] MAGIC = {'O', 'b', 'j', 1};
  private static final int SYNC_SIZE = 16;
  static final String CUT_SHORT = "cut short";

  record Block(int offset, long count, byte[] data) {}

  record Fault(int offset, String what) {}

  /** Damage that leaves nothing to read: an empty file, another format, a header cut short or unreadable. */
  static final class HeaderDamage extends Exception {
    HeaderDamage(String what) {
      super(what, null, false, false);
    }
  }

  byte[] schemaJson() {
    return meta.get("avro.schema");
  }

  static ContainerFile parse(byte[] bytes) throws HeaderDamage {
    if (bytes.length == 0) {
      throw new HeaderDamage("empty");
    }
    int head = Math.min(bytes.length, MAGIC.length);
    if (!Arrays.equals(bytes, 0, head, MAGIC, 0, head)) {
      throw new HeaderDamage("not an Avro file");
    }
    ByteCursor cursor = new ByteCursor(bytes, MAGIC.length);
    Map<String, byte[]> meta;
    byte[] sync;
    try {
      meta = readMeta(cursor);
      sync = cursor.readFixed(SYNC_SIZE);
    } catch (EOFException e) {
      throw new HeaderDamage("cut short in its header");
    } catch (IOException e) {
      throw new HeaderDamage("a damaged header (" + e.getMessage() + ")");
    }
    boolean deflate = deflate(meta);
    Schema schema = schema(meta);
    List<Block> blocks = new ArrayList<>();
    List<Fault> faults = new ArrayList<>();
    int offset = cursor.position();
    while (offset < bytes.length) {
      ByteCursor block = new ByteCursor(bytes, offset);
      try {
        long count = block.readLong();
        if (count < 0) {
          throw new IOException("a record count of " + count);
        }
        byte[] data = block.readFixed(block.readLength());
        List<String> wrong = new ArrayList<>();
        if (!Arrays.equals(block.readFixed(SYNC_SIZE), sync)) {
          wrong.add("its sync marker is not the header's");
        }
        try {
          blocks.add(new Block(offset, count, deflate ? inflate(data) : data));
        } catch (IOException e) {
          wrong.add("its data does not inflate");
        }
        if (!wrong.isEmpty()) {
          faults.add(new Fault(offset, damagedBlock(offset, String.join(", ", wrong))));
        }
        offset = block.position();
      } catch (IOException e) {
        int next = indexOf(bytes, sync, offset);
        if (next < 0) {
          faults.add(new Fault(offset, e instanceof EOFException ? CUT_SHORT : "unreadable from byte " + offset + " on (" + e.getMessage() + ")"));
          break;
        }
        faults.add(new Fault(offset, damagedBlock(offset, e instanceof EOFException ? "its size runs past the end" : e.getMessage())));
        offset = next + SYNC_SIZE;
      }
    }
    return new ContainerFile(meta, schema, blocks, faults);
  }

  private static String damagedBlock(int offset, String why) {
    return "a damaged block at byte " + offset + " (" + why + ")";
  }

  private static Map<String, byte[]> readMeta(ByteCursor cursor) throws IOException {
    Map<String, byte[]> meta = new HashMap<>();
    for (long entries = cursor.readLong(); entries != 0; entries = cursor.readLong()) {
      if (entries < 0) { // a map block that also gives its size in bytes
        entries = -entries;
        cursor.readLong();
      }
      for (long i = 0; i < entries; i++) {
        meta.put(new String(cursor.readBytes(), StandardCharsets.UTF_8), cursor.readBytes());
      }
    }
    return meta;
  }

  private static boolean deflate(Map<String, byte[]> meta) throws HeaderDamage {
    byte[] codec = meta.get("avro.codec");
    String name = codec == null ? "null" : new String(codec, StandardCharsets.UTF_8);
    if (!name.equals("null") && !name.equals("deflate")) {
      String printable = name.replaceAll("[^\\x20-\\x7e]", "?"); // the message is one line, whatever the bytes
      throw new HeaderDamage("a damaged header (codec '" + printable + "', which the trial log is not written with)");
    }
    return name.equals("deflate");
  }

  private static Schema schema(Map<String, byte[]> meta) throws HeaderDamage {
    byte[] json = meta.get("avro.schema");
    if (json == null) {
      throw new HeaderDamage("a damaged header (no schema)");
    }
    try {
      return new Schema.Parser().parse(new String(json, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new HeaderDamage("a damaged header (its schema does not parse)");
    }
  }

  private static byte[] inflate(byte[] data) throws IOException {
    Inflater inflater = new Inflater(true); // Avro's deflate is raw, without zlib's header and checksum
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished()) {
          throw new IOException("its deflate stream ends early");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IOException(e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private static int indexOf(byte[] bytes, byte[] marker, int from) {
    for (int i = from; i <= bytes.length - marker.length; i++) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        return i;
      }
    }
    return -1;
  }
}

package dev.llmhpo.io;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads Avro's binary primitives (zig-zag varint longs, length-prefixed bytes, fixed bytes) from an array, keeping
 * the position, so that a damaged container file can be told apart by where it goes wrong. Running out of bytes is
 * an {@link EOFException}; a value that cannot be one is an {@link IOException}.
 */
final class ByteCursor {
  private final byte[] bytes;
  private int position;

  ByteCursor(byte[] bytes, int position) {
    this.bytes = bytes;
    this.position = position;
  }

  int position() {
    return position;
  }

  long readLong() throws IOException {
    long raw = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 63) {
        throw new IOException("a number longer than 10 bytes");
      }
      int b = next();
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
  }

  /** A length (a long that must fit the array), as block sizes and byte strings are prefixed with. */
  int readLength() throws IOException {
    long length = readLong();
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IOException("a length of " + length);
    }
    return (int) length;
  }

  byte[] readBytes() throws IOException {
    return readFixed(readLength());
  }

  byte[] readFixed(int length) throws EOFException {
    if (length > bytes.length - position) {
      position = bytes.length;
      throw new EOFException();
    }
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  private int next() throws EOFException {
    if (position >= bytes.length) {
      throw new EOFException();
    }
    return bytes[position++] & 0xff;
  }
}

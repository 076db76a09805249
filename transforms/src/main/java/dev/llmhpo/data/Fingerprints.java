package dev.llmhpo.data;

import dev.llmhpo.schema.DataFingerprint;
import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.FileFingerprint;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a study's input files hold, cheaply: size and a SHA-256 of the whole file up to {@value #WHOLE_MIB} MiB, of its
 * size, first and last MiB beyond (a 10 M-row file is hashed in milliseconds, and an edit that keeps the size and both
 * ends is the one case it misses). The modification time is recorded but not compared: a copy changes it, not the data.
 */
public final class Fingerprints {
  private static final int WHOLE_MIB = 64;
  private static final int MIB = 1 << 20;

  private Fingerprints() {}

  public static DataFingerprint of(DataSource source) {
    return DataFingerprint.newBuilder()
        .setTrain(file(Path.of(source.getTrainPath())))
        .setTest(source.getTestPath() == null ? null : file(Path.of(source.getTestPath())))
        .build();
  }

  /** True when both name the same bytes (sizes and hashes agree; paths and times may differ). */
  public static boolean sameData(FileFingerprint a, FileFingerprint b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.getSize() == b.getSize() && Objects.equals(a.getSha256(), b.getSha256());
  }

  /** DataException naming the file when it cannot be read. */
  static FileFingerprint file(Path path) {
    try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
      long size = in.length();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (size <= (long) WHOLE_MIB * MIB) {
        update(sha, in, 0, size);
      } else {
        sha.update(Long.toString(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        update(sha, in, 0, MIB);
        update(sha, in, size - MIB, MIB);
      }
      return FileFingerprint.newBuilder()
          .setPath(path.toAbsolutePath().toString())
          .setSize(size)
          .setModifiedMillis(Files.getLastModifiedTime(path).toMillis())
          .setSha256(HexFormat.of().formatHex(sha.digest()))
          .build();
    } catch (IOException e) {
      throw new DataException(path + ": cannot be read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  private static void update(MessageDigest sha, RandomAccessFile in, long from, long length) throws IOException {
    byte[] buffer = new byte[MIB];
    in.seek(from);
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        break;
      }
      sha.update(buffer, 0, read);
      left -= read;
    }
  }
}

package dev.llmhpo.data;

import dev.llmhpo.io.AtomicFiles;
import dev.llmhpo.schema.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The UCI Adult (Census Income) data set as a {@link DataSource}: from a directory holding {@code adult.data.csv}
 * and {@code adult.test.csv}, or else downloaded once from UCI into a cache directory.
 *
 * <p>The download is checked member by member against the SHA-256 of the original {@code adult.data} and
 * {@code adult.test} (the zip around them may change), then written as CSV files with a header row. A download
 * that fails the check is deleted so that the next run starts afresh.
 */
public final class AdultDataset {
  public static final URI DOWNLOAD_URL = URI.create("https://archive.ics.uci.edu/static/public/2/adult.zip");
  public static final String TRAIN_FILE = "adult.data.csv";
  public static final String TEST_FILE = "adult.test.csv";
  public static final String TARGET = "ltgt50k";
  public static final String POSITIVE_CLASS = ">50K";
  private static final String HEADER =
      "age,workclass,fnlwgt,education,education_num,marital_status,occupation,relationship,race,sex,"
          + "capital_gain,capital_loss,hours_per_week,native_country,ltgt50k";
  private static final String ZIP_FILE = "adult.zip";

  /** A file in the zip, its checksum, the CSV it becomes and how many leading lines that drops. */
  private record Member(String name, String sha256, String csvFile, int linesDropped) {}

  private static final List<Member> MEMBERS =
      List.of(
          new Member(
              "adult.data", "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d", TRAIN_FILE, 0),
          // adult.test starts with the line "|1x3 Cross validator", which is not a record.
          new Member(
              "adult.test", "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05", TEST_FILE, 1));

  private AdultDataset() {}

  /**
   * The Adult files in {@code dataDirOrNull} when given (null or blank: not given), else in {@code cacheDir},
   * downloading them from {@code downloadUrl} first unless an earlier call has.
   */
  public static DataSource resolve(String dataDirOrNull, Path cacheDir, URI downloadUrl) {
    if (dataDirOrNull != null && !dataDirOrNull.isBlank()) {
      return fromDirectory(Path.of(dataDirOrNull));
    }
    Path train = cacheDir.resolve(TRAIN_FILE);
    Path test = cacheDir.resolve(TEST_FILE);
    if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
      fillCache(cacheDir, downloadUrl);
    }
    return source(train, test);
  }

  private static DataSource fromDirectory(Path dataDir) {
    Path train = dataDir.resolve(TRAIN_FILE);
    Path test = dataDir.resolve(TEST_FILE);
    if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
      throw new DataException(
          "The Adult data directory " + dataDir + " must hold " + TRAIN_FILE + " and " + TEST_FILE
              + "; leave the data directory out to download the data instead");
    }
    return source(train, test);
  }

  private static DataSource source(Path train, Path test) {
    return DataSource.newBuilder()
        .setTrainPath(train.toString())
        .setTestPath(test.toString())
        .setTarget(TARGET)
        .setPositiveClass(POSITIVE_CLASS)
        .build();
  }

  private static void fillCache(Path cacheDir, URI downloadUrl) {
    Path zip = cacheDir.resolve(ZIP_FILE);
    try {
      Files.createDirectories(cacheDir);
      if (!Files.isRegularFile(zip)) {
        FileDownload.download(downloadUrl, zip);
      }
      Map<String, byte[]> contents = verifiedMembers(zip, downloadUrl);
      for (Member member : MEMBERS) {
        byte[] csv = withHeader(contents.get(member.name()), member);
        AtomicFiles.write(cacheDir.resolve(member.csvFile()), out -> out.write(csv));
      }
    } catch (IOException e) {
      throw new DataException("Cannot fill the Adult cache " + cacheDir + ": " + e, e);
    }
  }

  /** The members' contents, once each has its expected checksum; the zip is deleted if not. */
  private static Map<String, byte[]> verifiedMembers(Path zip, URI downloadUrl) throws IOException {
    Map<String, byte[]> contents;
    try {
      contents = readMembers(zip);
    } catch (IOException e) {
      throw rejected(zip, downloadUrl, "is not a readable zip (" + e + ")");
    }
    for (Member member : MEMBERS) {
      byte[] content = contents.get(member.name());
      if (content == null) {
        throw rejected(zip, downloadUrl, "has no member " + member.name());
      }
      String actual = sha256(content);
      if (!actual.equals(member.sha256())) {
        throw rejected(
            zip, downloadUrl,
            "has " + member.name() + " with SHA-256 " + actual + ", not the expected " + member.sha256());
      }
    }
    return contents;
  }

  /** Deletes the zip, so that the cache keeps nothing unverified, and says what to do. */
  private static DataException rejected(Path zip, URI downloadUrl, String problem) throws IOException {
    Files.deleteIfExists(zip);
    return new DataException(
        zip + " (downloaded from " + downloadUrl + ") " + problem + ". The download was deleted: run again to "
            + "download it afresh, or give a data directory holding " + TRAIN_FILE + " and " + TEST_FILE);
  }

  /** The members named in {@link #MEMBERS}, found at any depth in the zip. */
  private static Map<String, byte[]> readMembers(Path zip) throws IOException {
    Map<String, byte[]> contents = new HashMap<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (MEMBERS.stream().anyMatch(member -> member.name().equals(name))) {
          contents.put(name, entries.readAllBytes());
        }
      }
    }
    return contents;
  }

  private static byte[] withHeader(byte[] content, Member member) {
    int start = 0;
    for (int dropped = 0; dropped < member.linesDropped(); dropped++) {
      while (content[start] != '\n') {
        start++;
      }
      start++;
    }
    byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] csv = new byte[header.length + content.length - start];
    System.arraycopy(header, 0, csv, 0, header.length);
    System.arraycopy(content, start, csv, header.length, content.length - start);
    return csv;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyArray;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.llmhpo.schema.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Resolving Adult from a directory, and downloading it from a local server standing in for UCI. */
public class AdultDatasetTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile byte[] served;
  private Path cache;

  @Before
  public void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/adult.zip", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, served.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(served);
      }
    });
    server.start();
    cache = folder.getRoot().toPath().resolve("cache");
  }

  @After
  public void stopServer() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  public void usesTheFilesOfAGivenDirectory() {
    DataSource source = AdultDataset.resolve(AdultFiles.dir().toString(), cache, url("/adult.zip"));

    assertThat(source.getTrainPath(), is(AdultFiles.train().toString()));
    assertThat(source.getTestPath(), is(AdultFiles.test().toString()));
    assertThat(source.getTarget(), is("ltgt50k"));
    assertThat(source.getPositiveClass(), is(">50K"));
    assertThat(requests.get(), is(0));
  }

  @Test
  public void aDirectoryWithoutTheFilesIsNamed() throws IOException {
    Path empty = folder.newFolder("empty").toPath();
    DataException e = assertThrows(DataException.class, () -> AdultDataset.resolve(empty.toString(), cache, null));
    assertThat(e.getMessage(), allOf(containsString(empty.toString()), containsString("adult.data.csv")));
  }

  @Test
  public void downloadsOnceAndWritesTheSharedCsvFiles() throws IOException {
    served = upstreamZip(upstreamMember(AdultFiles.train(), ""), upstreamMember(AdultFiles.test(),
        "|1x3 Cross validator\n"));

    DataSource source = AdultDataset.resolve(null, cache, url("/adult.zip"));

    assertThat(requests.get(), is(1));
    assertThat(Files.mismatch(Path.of(source.getTrainPath()), AdultFiles.train()), is(-1L));
    assertThat(Files.mismatch(Path.of(source.getTestPath()), AdultFiles.test()), is(-1L));
    assertThat(AdultDataset.resolve(null, cache, url("/adult.zip")).getTrainPath(), is(source.getTrainPath()));
    assertThat(requests.get(), is(1));
    // Without the CSV files the cached zip is extracted again, still without a request.
    Files.delete(Path.of(source.getTestPath()));
    AdultDataset.resolve("", cache, url("/adult.zip"));
    assertThat(requests.get(), is(1));
    assertThat(Files.mismatch(Path.of(source.getTestPath()), AdultFiles.test()), is(-1L));
  }

  @Test
  public void aCorruptDownloadFailsTheChecksumAndIsDeleted() throws IOException {
    byte[] train = upstreamMember(AdultFiles.train(), "");
    byte[] test = upstreamMember(AdultFiles.test(), "|1x3 Cross validator\n");
    byte[] tampered = train.clone();
    tampered[0] = '4';
    served = upstreamZip(tampered, test);

    DataException e =
        assertThrows(DataException.class, () -> AdultDataset.resolve(null, cache, url("/adult.zip")));

    assertThat(e.getMessage(), allOf(
        containsString("adult.data with SHA-256"),
        containsString("5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d"),
        containsString("run again")));
    assertThat(cache.toFile().list(), is(emptyArray()));
    served = upstreamZip(train, test);
    AdultDataset.resolve(null, cache, url("/adult.zip"));
    assertThat(requests.get(), is(2));
  }

  @Test
  public void anUnreadableZipIsDeleted() throws IOException {
    served = "not a zip".getBytes(StandardCharsets.US_ASCII);

    DataException e =
        assertThrows(DataException.class, () -> AdultDataset.resolve(null, cache, url("/adult.zip")));

    assertThat(e.getMessage(), containsString("has no member adult.data"));
    assertThat(cache.toFile().list(), is(emptyArray()));
  }

  @Test
  public void aFailedDownloadNamesTheStatus() {
    DataException e =
        assertThrows(DataException.class, () -> AdultDataset.resolve(null, cache, url("/missing.zip")));
    assertThat(e.getMessage(), allOf(containsString("/missing.zip"), containsString("HTTP 404")));
    assertThat(cache.toFile().list(), is(emptyArray()));
  }

  /** The upstream form of a shared file: its header line replaced by {@code firstLine}. */
  private static byte[] upstreamMember(Path shared, String firstLine) throws IOException {
    byte[] content = Files.readAllBytes(shared);
    int afterHeader = indexOf(content, (byte) '\n') + 1;
    byte[] prefix = firstLine.getBytes(StandardCharsets.US_ASCII);
    byte[] member = Arrays.copyOf(prefix, prefix.length + content.length - afterHeader);
    System.arraycopy(content, afterHeader, member, prefix.length, content.length - afterHeader);
    return member;
  }

  /** A zip laid out like UCI's, with other members around the two that matter. */
  private static byte[] upstreamZip(byte[] train, byte[] test) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      add(zip, "Index", "index".getBytes(StandardCharsets.US_ASCII));
      add(zip, "adult.data", train);
      add(zip, "adult.names", "names".getBytes(StandardCharsets.US_ASCII));
      add(zip, "adult.test", test);
    }
    return bytes.toByteArray();
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static int indexOf(byte[] content, byte value) {
    for (int i = 0; i < content.length; i++) {
      if (content[i] == value) {
        return i;
      }
    }
    return -1;
  }
}

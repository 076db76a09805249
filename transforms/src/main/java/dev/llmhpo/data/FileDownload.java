package dev.llmhpo.data;

import dev.llmhpo.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads a URL to a file, atomically: the file appears only once the whole body has arrived. */
final class FileDownload {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private FileDownload() {}

  static void download(URI url, Path target) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new DataException(
              "Downloading " + url + " failed with HTTP " + response.statusCode()
                  + "; check the URL, or give the data directory instead");
        }
        AtomicFiles.write(target, body::transferTo);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException(
          "Downloading " + url + " to " + target + " failed: " + e
              + "; check the network, or give the data directory instead", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("Downloading " + url + " was interrupted", e);
    }
  }
}

package dev.llmhpo.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    Path temporary = null;
    try {
      temporary = AtomicFiles.temporaryFor(target);
      HttpResponse<Path> response =
          client.send(request, HttpResponse.BodyHandlers.ofFile(temporary));
      if (response.statusCode() != 200) {
        throw new DataException(
            "Downloading " + url + " failed with HTTP " + response.statusCode()
                + "; check the URL, or give the data directory instead");
      }
      AtomicFiles.publish(temporary, target);
    } catch (IOException e) {
      throw new DataException(
          "Downloading " + url + " to " + target + " failed: " + e
              + "; check the network, or give the data directory instead", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("Downloading " + url + " was interrupted", e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Only a leftover temporary file; the download itself has succeeded or failed already.
    }
  }
}

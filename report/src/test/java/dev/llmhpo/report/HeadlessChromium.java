package dev.llmhpo.report;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs) as a person would:
 * the DOM after scripts ran, and a screenshot. Offline: no network, no first-run or update traffic.
 */
public final class HeadlessChromium {
  /** Where screenshots are kept, under the module's target folder. */
  public static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

  private final String binary;
  private final Path profile;

  private HeadlessChromium(String binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** A browser with a fresh profile in {@code scratch}; skips the test (JUnit assumption) when none is installed. */
  public static HeadlessChromium open(Path scratch) throws Exception {
    String binary = find();
    assumeTrue("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)", binary != null);
    return new HeadlessChromium(binary, Files.createDirectories(scratch.resolve("chromium-profile")));
  }

  private static String find() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  /** The page's DOM after its load event and scripts. */
  public String dumpDom(Path html) throws Exception {
    return run(html, "--virtual-time-budget=5000", "--dump-dom");
  }

  /** A full-width screenshot of the page, {@code height} pixels tall. */
  public Path screenshot(Path html, Path png, int height) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(html, "--hide-scrollbars", "--window-size=1400," + height, "--screenshot=" + png.toAbsolutePath());
    return png;
  }

  private String run(Path html, String... extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(List.of(extra));
    command.add(html.toAbsolutePath().toUri().toString());
    Path out = Files.createTempFile(profile, "stdout", ".txt");
    Path err = Files.createTempFile(profile, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("chromium took over 120 s on " + html);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}

package dev.llmhpo.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The synthetic study's report opened in headless Chromium: every section, every chart decoded, a screenshot. */
public class ReportChromiumTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theReportRendersInHeadlessChromium() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.open(tmp.getRoot().toPath());
    Path dir = tmp.newFolder("study").toPath();
    SyntheticStudy.writeFinished(dir);
    Path report = StudyReport.write(dir);

    String dom = chromium.dumpDom(report);
    assertThat(RenderedReport.check(dom, "synthetic"), equalTo(8));
    assertThat(dom, containsString("Low &lt;b&gt;eta&lt;/b&gt;")); // the analysis as text, not markup

    Path png = chromium.screenshot(report, HeadlessChromium.SCREENSHOTS.resolve("synthetic-report.png"), 7000);
    assertThat(Files.size(png), greaterThan(100_000L));
  }
}

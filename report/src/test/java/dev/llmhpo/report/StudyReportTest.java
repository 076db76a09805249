package dev.llmhpo.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.llmhpo.io.StudySpecFile;
import dev.llmhpo.schema.DataChange;
import dev.llmhpo.schema.DataFingerprint;
import dev.llmhpo.schema.FileFingerprint;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The report's HTML, from synthetic output folders. */
public class StudyReportTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final Pattern IMG_SRC = Pattern.compile("<img [^>]*src=\"([^\"]*)\"");

  static List<String> imageSources(String html) {
    List<String> sources = new ArrayList<>();
    Matcher m = IMG_SRC.matcher(html);
    while (m.find()) {
      sources.add(m.group(1));
    }
    return sources;
  }

  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat("section " + id, start >= 0, equalTo(true));
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  public void aContinuationOntoOtherDataIsShownInTheSpec() throws Exception {
    Path dir = tmp.newFolder("changed").toPath();
    SyntheticStudy.writeFinished(dir);
    FileFingerprint before =
        FileFingerprint.newBuilder().setPath("/data/houses-2025.csv").setSize(1234).setModifiedMillis(0).setSha256("ab12").build();
    StudySpecFile.write(
        dir,
        StudySpec.newBuilder(SyntheticStudy.spec())
            .setDataChanges(
                List.of(DataChange.newBuilder().setFromRound(2).setPrevious(DataFingerprint.newBuilder().setTrain(before).build()).build()))
            .build());
    String spec = section(Files.readString(StudyReport.write(dir)), "spec");
    assertThat(spec, containsString("data changed before round 2"));
    assertThat(spec, containsString("/data/houses-2025.csv, 1234 bytes, SHA-256 ab12"));
  }

  @Test
  public void aFinishedStudyFillsEverySection() throws Exception {
    Path dir = tmp.newFolder("study").toPath();
    SyntheticStudy.writeFinished(dir);
    String html = Files.readString(StudyReport.write(dir));

    assertThat(html, containsString("<title>llm-hpo report: synthetic</title>"));
    for (String id : ReportPage.SECTIONS.keySet()) {
      assertThat(id, section(html, id).length(), greaterThan(200));
    }
    // Metric names come from the spec and the log, not from a built-in list.
    assertThat(section(html, "best"), containsString("<td>rmse</td><td>"));
    assertThat(section(html, "best"), containsString("<td>mae</td>"));
    assertThat(section(html, "best"), containsString("1.2345")); // test rmse from summary.json
    assertThat(section(html, "trials"), containsString("<th>mae</th>"));
    assertThat(section(html, "spec"), containsString("regression"));
    assertThat(section(html, "data"), containsString("Leeds (300)"));
    // LLM analyses and token totals: 2 LLM rounds of 2 calls, 1500 + 300 tokens each.
    String llm = section(html, "llm");
    assertThat(llm, containsString("Low &lt;b&gt;eta&lt;/b&gt; &amp; deep trees do best; try eta &lt; 0.05. (round 1)"));
    assertThat(llm, containsString("(round 3)"));
    assertThat(llm, containsString("<b>4</b></td><td><b>3000</b></td><td><b>600</b>"));
    assertThat(html, not(containsString("<b>eta</b>")));
    // Rationales, and failed trials with their (escaped) errors.
    assertThat(section(html, "trials"), containsString("eta near 0.03 &lt;- the history&#39;s best region"));
    assertThat(section(html, "failed"), containsString("Invalid Parameter format for max_depth &lt;bad&gt;"));
    assertThat(section(html, "failed"), containsString("1 of 20 trials failed"));
    assertThat(section(html, "importance"), containsString("fANOVA"));
  }

  @Test
  public void chartsAreEmbeddedPngsAndNothingIsFetched() throws Exception {
    Path dir = tmp.newFolder("study").toPath();
    SyntheticStudy.writeFinished(dir);
    String html = Files.readString(StudyReport.write(dir));

    List<String> sources = imageSources(html);
    // 2 convergence charts, 4 parameter panels, parallel coordinates, importance.
    assertThat(sources, hasSize(8));
    assertThat(sources, everyItem(startsWith("data:image/png;base64,")));
    for (String src : sources) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
      assertThat(image.getWidth(), greaterThan(300));
    }
    assertThat(html, not(containsString("src=\"http")));
    assertThat(html, not(containsString("href=\"http")));
    assertThat(html, not(containsString("<link")));
  }

  @Test
  public void theTrialLogAndSpecAloneGiveAReport() throws Exception {
    Path dir = tmp.newFolder("log-only").toPath();
    SyntheticStudy.writeLogOnly(dir, SyntheticStudy.trials());
    String html = Files.readString(StudyReport.write(dir));

    assertThat(section(html, "best"), containsString("No summary.json yet"));
    assertThat(section(html, "data"), containsString("No data-card.json"));
    assertThat(imageSources(html), hasSize(8));
  }

  @Test
  public void aStudyWhoseTrialsAllFailedStillGetsAReport() throws Exception {
    Path dir = tmp.newFolder("failed").toPath();
    List<TrialResult> failed =
        SyntheticStudy.trials().stream()
            .map(r -> TrialResult.newBuilder(r).setStatus(TrialStatus.FAILED).setValue(null).setMetrics(java.util.Map.of()).setError("boom").build())
            .toList();
    SyntheticStudy.writeLogOnly(dir, failed);
    String html = Files.readString(StudyReport.write(dir));

    assertThat(imageSources(html), hasSize(0));
    assertThat(section(html, "best"), containsString("No trial has completed yet."));
    assertThat(section(html, "failed"), containsString("20 of 20 trials failed"));
  }

  @Test
  public void importanceFindsTheParameterThatDrivesTheMetric() throws Exception {
    Path dir = tmp.newFolder("study").toPath();
    SyntheticStudy.writeFinished(dir);
    ParamImportance importance = ParamImportance.of(StudyRecord.read(dir));

    assertThat(importance.trialsUsed(), equalTo(19));
    assertThat(importance.shares().keySet().iterator().next(), equalTo("eta"));
    assertThat(importance.shares().get("eta"), greaterThan(0.6));
    assertThat(importance.shares().values().stream().mapToDouble(Double::doubleValue).sum(), org.hamcrest.Matchers.closeTo(1, 1e-9));
  }

  @Test
  public void aMissingSpecIsNamed() throws Exception {
    Path dir = tmp.newFolder("empty").toPath();
    IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class, () -> StudyReport.write(dir));
    assertThat(e.getMessage(), containsString("study.avro is missing"));
  }
}

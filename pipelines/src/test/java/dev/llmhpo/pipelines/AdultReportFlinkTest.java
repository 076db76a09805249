package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.llmhpo.report.HeadlessChromium;
import dev.llmhpo.report.RenderedReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A 3-round Adult study from the README's example study file (small budget from the command line) on embedded
 * Flink: it leaves a report that headless Chromium opens with every section filled (screenshot kept under
 * target/report-screenshots/), and {@code report} rebuilds the same report from the output folder. The space adds
 * grow_policy with a choice XGBoost rejects, so that some trials fail and the report shows them.
 */
public class AdultReportFlinkTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void anAdultStudyLeavesAReportThatRendersAndRegenerates() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.open(tmp.getRoot().toPath());
    Path adult = StudyFixtures.adultDir().toAbsolutePath();
    Path out = tmp.newFolder("adult").toPath();
    Path space = tmp.getRoot().toPath().resolve("space.json");
    Files.writeString(
        space,
        """
        {"params": [
          {"name": "eta", "type": "float", "low": 0.005, "high": 0.3, "log": true, "default": 0.3},
          {"name": "max_depth", "type": "int", "low": 2, "high": 12, "default": 6},
          {"name": "min_child_weight", "type": "float", "low": 0.01, "high": 100, "log": true, "default": 1},
          {"name": "subsample", "type": "float", "low": 0.5, "high": 1, "default": 1},
          {"name": "grow_policy", "type": "categorical", "choices": ["depthwise", "lossguide", "nonsense"]}
        ]}
        """);
    TuneOptions options =
        StudyFixtures.options(
            out,
            "--study=" + Path.of("..", "examples", "adult-study.yaml"),
            "--train=" + adult.resolve("adult.data.csv"),
            "--test=" + adult.resolve("adult.test.csv"),
            "--rounds=3",
            "--trialsPerRound=4",
            "--maxBoostRounds=50",
            "--space=" + space);
    assertThat(TuneCommand.run(options, Pipeline.create(options)), equalTo(PipelineResult.State.DONE));

    Path report = out.resolve("report.html");
    String written = Files.readString(report);
    String dom = chromium.dumpDom(report);
    // 2 convergence charts, 5 parameter panels, parallel coordinates, importance.
    assertThat(RenderedReport.check(dom, "adult"), equalTo(9));
    assertThat(dom, containsString("12 trials in 3 rounds"));
    assertThat(dom, containsString("Fitted to "));
    assertThat(dom, containsString("XGBoostError"));
    Path png = chromium.screenshot(report, HeadlessChromium.SCREENSHOTS.resolve("adult-report.png"), 7000);
    assertThat(Files.size(png), greaterThan(100_000L));

    Files.delete(report);
    assertThat(ReportCommand.main(new String[] {"--output=" + out}), equalTo(0));
    assertThat(withoutTimestamp(Files.readString(report)), equalTo(withoutTimestamp(written)));
  }

  private static String withoutTimestamp(String html) {
    return html.replaceAll("report generated [0-9: -]+UTC", "");
  }
}

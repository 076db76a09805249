package dev.llmhpo.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on a report's DOM as Chromium rendered it. */
public final class RenderedReport {
  private static final Pattern BODY = Pattern.compile("<body data-images=\"(\\d+)\" data-broken-images=\"(\\d+)\">");

  private RenderedReport() {}

  /** Title, every section present and filled, every chart decoded. Returns the number of images. */
  public static int check(String dom, String studyId) {
    assertThat(dom, containsString("<title>llm-hpo report: " + studyId + "</title>"));
    Matcher body = BODY.matcher(dom);
    assertThat("the page's load script ran", body.find(), equalTo(true));
    int images = Integer.parseInt(body.group(1));
    assertThat("broken images", Integer.parseInt(body.group(2)), equalTo(0));
    for (String id : ReportPage.SECTIONS.keySet()) {
      int start = dom.indexOf("<section id=\"" + id + "\">");
      assertThat("section " + id, start >= 0, equalTo(true));
      String section = dom.substring(start, dom.indexOf("</section>", start));
      assertThat("section " + id + " has a heading", section, containsString("<h2>"));
      String content = section.substring(section.indexOf("</h2>") + 5);
      boolean filled = content.contains("<img") || content.contains("<table") || content.replaceAll("<[^>]*>", "").trim().length() > 40;
      assertThat("section " + id + " is filled: " + content, filled, equalTo(true));
    }
    return images;
  }
}

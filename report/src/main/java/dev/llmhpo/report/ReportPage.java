package dev.llmhpo.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The whole report as one self-contained HTML page: inline style, charts as data URIs, nothing fetched. */
final class ReportPage {
  /** Section ids and their titles, in page order. */
  static final Map<String, String> SECTIONS = sections();

  private static Map<String, String> sections() {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("spec", "Study");
    sections.put("data", "Data card");
    sections.put("best", "Best configuration");
    sections.put("convergence", "Convergence");
    sections.put("params", "Parameters");
    sections.put("parallel", "Parallel coordinates");
    sections.put("importance", "Parameter importance");
    sections.put("llm", "LLM analyses and token use");
    sections.put("trials", "All trials");
    sections.put("failed", "Failed trials");
    return Collections.unmodifiableMap(sections);
  }

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;max-width:1500px;padding:0 24px 48px;color:#222}
      h1{margin:24px 0 4px}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:36px}h3{margin:18px 0 6px}
      nav a{margin-right:14px}.lede{color:#555}.note{color:#666;font-style:italic}.method{max-width:60em}
      table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
      thead th{background:#f3f5f7;position:sticky;top:0}table.kv th{background:#f8f9fa;font-weight:600;white-space:nowrap}
      .scroll{overflow-x:auto}table.trials{font-size:12px}.pair{display:flex;gap:32px;flex-wrap:wrap}
      .chart{display:block;margin:8px 0;border:1px solid #eee}.wide{max-width:100%}.panels{display:flex;flex-wrap:wrap;gap:8px}
      .swatch{display:inline-block;width:11px;height:11px;border-radius:50%;margin:0 4px 0 2px;vertical-align:middle}
      .status.failed{color:#b00020;font-weight:600}.status.complete{color:#2e7d32}
      tr.rationale td{border-top:none;color:#444;font-style:italic}tr.trial td{border-bottom:none}tr.best td{background:#fff8e1}.label{color:#888;font-style:normal;font-size:11px;text-transform:uppercase}.analysis{max-width:48em;white-space:pre-wrap}
      code.error{white-space:pre-wrap;color:#b00020}
      """;

  // Marks the page once loaded, so a headless browser (and the tests) can tell every chart decoded.
  private static final String CHECK_IMAGES =
      """
      window.addEventListener('load', function () {
        var images = Array.prototype.slice.call(document.images);
        var broken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; }).length;
        document.body.setAttribute('data-images', String(images.length));
        document.body.setAttribute('data-broken-images', String(broken));
      });
      """;

  private ReportPage() {}

  static String render(StudyRecord record, long generatedAtMillis) {
    ProposerColours colours = new ProposerColours(record.proposers());
    String study = record.spec().getStudyId();
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>llm-hpo report: ").append(Html.esc(study)).append("</title>\n")
        .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Study ").append(Html.esc(study)).append("</h1>\n")
        .append("<p class=\"lede\">").append(Html.esc(lede(record, generatedAtMillis))).append("</p>\n")
        .append(nav());
    page.append(SpecSection.render(record))
        .append(DataCardSection.render(record))
        .append(BestSection.render(record))
        .append(ChartSections.convergence(record, colours))
        .append(ChartSections.params(record, colours))
        .append(ChartSections.parallel(record))
        .append(ChartSections.importance(record))
        .append(ProposalSection.render(record))
        .append(TrialSections.all(record, colours))
        .append(TrialSections.failed(record));
    page.append("<script>").append(CHECK_IMAGES).append("</script>\n</body>\n</html>\n");
    return page.toString();
  }

  /** A section of the page, titled as {@link #SECTIONS} says. */
  static String section(String id, String body) {
    String title = SECTIONS.get(id);
    if (title == null) {
      throw new IllegalArgumentException("no report section '" + id + "'");
    }
    return "<section id=\"" + id + "\">\n<h2>" + Html.esc(title) + "</h2>\n" + body + "</section>\n";
  }

  private static String lede(StudyRecord record, long generatedAtMillis) {
    String best =
        record.best()
            .map(b -> "best " + record.spec().getMetric() + " " + Format.number(b.getValue()) + " (trial " + b.getTrial().getTrialId() + ")")
            .orElse("no completed trial yet");
    return record.spec().getTask().toString().toLowerCase() + " · " + record.trials().size() + " trials in "
        + record.roundsDone() + " rounds · " + best + " · report generated " + Format.time(generatedAtMillis);
  }

  private static String nav() {
    StringBuilder out = new StringBuilder("<nav>");
    SECTIONS.forEach((id, title) -> out.append("<a href=\"#").append(id).append("\">").append(Html.esc(title)).append("</a>"));
    return out.append("</nav>\n").toString();
  }
}

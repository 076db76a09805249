package dev.llmhpo.report;

import java.util.List;
import java.util.Map;

/** Small HTML helpers. Text goes through {@link #esc}; the table helpers take cells that are already HTML. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String p(String text) {
    return "<p>" + esc(text) + "</p>\n";
  }

  static String note(String text) {
    return "<p class=\"note\">" + esc(text) + "</p>\n";
  }

  static String img(String alt, String dataUri, String cssClass) {
    return "<img class=\"" + cssClass + "\" alt=\"" + esc(alt) + "\" src=\"" + dataUri + "\">\n";
  }

  /** A table; header cells are text, body cells HTML. */
  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder("<table class=\"" + cssClass + "\">\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  /** A two-column table of names and text values. */
  static String keyValues(Map<String, ?> rows) {
    StringBuilder out = new StringBuilder("<table class=\"kv\">\n<tbody>\n");
    rows.forEach(
        (k, v) -> out.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
    return out.append("</tbody>\n</table>\n").toString();
  }
}

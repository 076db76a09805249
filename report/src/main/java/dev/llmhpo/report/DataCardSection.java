package dev.llmhpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data card, rendered from its JSON whatever fields it has: scalars as a list, maps of records (class balance)
 * and arrays of records (columns) as tables.
 */
final class DataCardSection {
  private DataCardSection() {}

  static String render(StudyRecord record) {
    JsonNode card = record.dataCard();
    if (card == null || !card.isObject()) {
      return ReportPage.section("data", Html.note("No data-card.json in the output folder."));
    }
    Map<String, String> scalars = new LinkedHashMap<>();
    StringBuilder tables = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = card.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isValueNode()) {
        scalars.put(field.getKey(), cell(value));
      } else if (value.isArray()) {
        tables.append("<h3>").append(Html.esc(field.getKey())).append("</h3>\n").append(arrayTable(value));
      } else {
        tables.append("<h3>").append(Html.esc(field.getKey())).append("</h3>\n").append(mapTable(value));
      }
    }
    return ReportPage.section("data", Html.keyValues(scalars) + tables);
  }

  /** Records as rows, the union of their fields as columns. */
  private static String arrayTable(JsonNode array) {
    Set<String> columns = new LinkedHashSet<>();
    array.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
    if (columns.isEmpty()) {
      return Html.p(cell(array));
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode item : array) {
      List<String> row = new ArrayList<>();
      columns.forEach(c -> row.add(Html.esc(cell(item.get(c)))));
      rows.add(row);
    }
    return Html.table("data", List.copyOf(columns), rows);
  }

  /** Keys as rows; a value that is a record spreads over columns. */
  private static String mapTable(JsonNode map) {
    Set<String> columns = new LinkedHashSet<>();
    map.forEach(v -> v.fieldNames().forEachRemaining(columns::add));
    List<String> header = new ArrayList<>(List.of(""));
    header.addAll(columns.isEmpty() ? List.of("value") : columns);
    List<List<String>> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> row = new ArrayList<>(List.of(Html.esc(e.getKey())));
      if (columns.isEmpty()) {
        row.add(Html.esc(cell(e.getValue())));
      } else {
        columns.forEach(c -> row.add(Html.esc(cell(e.getValue().get(c)))));
      }
      rows.add(row);
    }
    return Html.table("data", header, rows);
  }

  /** One value as text; a list of value/count records (top values) as "value (count)". */
  private static String cell(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isNumber()) {
      return value.isIntegralNumber() ? value.asText() : Format.number(value.asDouble());
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode item : value) {
        parts.add(item.has("value") && item.has("count") ? item.get("value").asText() + " (" + item.get("count").asText() + ")" : cell(item));
      }
      return String.join(", ", parts);
    }
    return value.toString();
  }
}

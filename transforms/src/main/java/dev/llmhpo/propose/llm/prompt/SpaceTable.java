package dev.llmhpo.propose.llm.prompt;

import dev.llmhpo.propose.llm.text.CompactNumber;
import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.SearchSpace;
import java.util.Map;

/** The search space as a Markdown table: type, bounds or choices, scale and XGBoost's default. */
final class SpaceTable {
  private SpaceTable() {}

  static String render(SearchSpace space) {
    Map<String, Object> defaults = space.defaults();
    StringBuilder t = new StringBuilder("| parameter | type | values | scale | default |\n|---|---|---|---|---|\n");
    for (SearchParam p : space.params()) {
      boolean categorical = p.getType() == ParamType.CATEGORICAL;
      t.append("| ").append(p.getName())
          .append(" | ").append(p.getType().name().toLowerCase())
          .append(" | ").append(categorical
              ? String.join(", ", p.getChoices())
              : CompactNumber.format(p.getLow()) + " to " + CompactNumber.format(p.getHigh()))
          .append(" | ").append(categorical ? "-" : p.getLog() ? "log" : "linear")
          .append(" | ").append(CompactNumber.format(defaults.get(p.getName())))
          .append(" |\n");
    }
    return t.toString();
  }
}

package dev.llmhpo.propose.llm.prompt;

import dev.llmhpo.schema.SearchParam;
import java.util.List;
import java.util.Map;

/** What each XGBoost parameter does and how it trades bias against variance, for the parameters of a space. */
final class ModelCard {
  private static final String ETA = "learning rate: shrinks each tree's contribution. Lower is less variance and"
      + " usually better, but needs more boosting rounds (early stopping picks the count).";
  private static final String LAMBDA = "L2 penalty on leaf weights. Higher is smoother leaves: more bias, less"
      + " variance; helps with many noisy or correlated features.";
  private static final String ALPHA = "L1 penalty on leaf weights. Higher zeroes small leaf weights: more bias,"
      + " less variance; useful with many irrelevant features.";
  private static final String GAMMA = "minimum loss reduction to split a leaf. Higher prunes more splits: more bias,"
      + " less variance; 0 lets every split that helps through.";

  private static final Map<String, String> LINES = Map.ofEntries(
      Map.entry("eta", ETA),
      Map.entry("learning_rate", ETA),
      Map.entry("max_depth", "maximum tree depth. Deeper trees model higher-order interactions: less bias, more"
          + " variance and slower training; 3 to 8 suits most tabular data."),
      Map.entry("min_child_weight", "minimum hessian sum in a leaf (roughly the minimum rows per leaf for"
          + " regression). Higher forbids leaves on few rows: more bias, less variance; raise it for noisy or"
          + " imbalanced data."),
      Map.entry("subsample", "fraction of rows sampled per tree. Lower adds randomness: less variance, more bias;"
          + " 0.6 to 0.9 often beats 1 on noisy data."),
      Map.entry("colsample_bytree", "fraction of columns sampled per tree. Lower decorrelates trees: less variance,"
          + " more bias; helps when many columns are redundant."),
      Map.entry("colsample_bylevel", "fraction of columns sampled per depth level, on top of colsample_bytree."
          + " Lower is less variance, more bias."),
      Map.entry("colsample_bynode", "fraction of columns sampled per split, on top of the other column samplers."
          + " Lower is less variance, more bias."),
      Map.entry("lambda", LAMBDA),
      Map.entry("reg_lambda", LAMBDA),
      Map.entry("alpha", ALPHA),
      Map.entry("reg_alpha", ALPHA),
      Map.entry("gamma", GAMMA),
      Map.entry("min_split_loss", GAMMA),
      Map.entry("max_bin", "histogram bins per numeric feature. More bins find finer split points: less bias,"
          + " more variance, more memory and time; rarely matters much past 256."),
      Map.entry("max_leaves", "maximum leaves per tree (0 = no limit); the main capacity knob under lossguide."
          + " More leaves is less bias, more variance."),
      Map.entry("grow_policy", "depthwise splits level by level (balanced trees); lossguide splits the leaf with"
          + " the largest gain first (deeper, lopsided trees: lower bias, higher variance)."),
      Map.entry("scale_pos_weight", "weight of positive rows in binary tasks; about negatives/positives balances"
          + " classes. Helps ranking metrics on imbalanced data less than it helps recall."));

  private static final String UNKNOWN = "an XGBoost parameter; check its bounds and reason from how it changes"
      + " model capacity (bias vs variance).";

  private ModelCard() {}

  static String render(List<SearchParam> params) {
    StringBuilder card = new StringBuilder();
    for (SearchParam p : params) {
      card.append("- ").append(p.getName()).append(": ").append(LINES.getOrDefault(p.getName(), UNKNOWN)).append('\n');
    }
    return card.toString();
  }
}

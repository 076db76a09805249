package dev.llmhpo.report;

import dev.llmhpo.schema.ProposalInfo;
import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Each round's proposal: the proposer's analysis of the history and what proposing cost (LLM calls, tokens). */
final class ProposalSection {
  private ProposalSection() {}

  static String render(StudyRecord record) {
    List<List<String>> rows = new ArrayList<>();
    long calls = 0, prompt = 0, completion = 0, repairs = 0, fallbacks = 0, cacheHits = 0;
    for (TrialResult r : record.trials()) {
      ProposalInfo info = r.getTrial().getProposal();
      if (info == null) {
        continue;
      }
      calls += info.getLlmCalls();
      prompt += info.getPromptTokens();
      completion += info.getCompletionTokens();
      repairs += info.getRepairs();
      fallbacks += info.getFallbacks();
      cacheHits += info.getCacheHits();
      rows.add(
          List.of(
              String.valueOf(r.getTrial().getRound()),
              Html.esc(proposersOfRound(record, r.getTrial().getRound())),
              String.valueOf(info.getLlmCalls()),
              String.valueOf(info.getPromptTokens()),
              String.valueOf(info.getCompletionTokens()),
              String.valueOf(info.getRepairs()),
              String.valueOf(info.getFallbacks()),
              String.valueOf(info.getCacheHits()),
              "<div class=\"analysis\">" + Html.esc(info.getAnalysis()) + "</div>"));
    }
    if (rows.isEmpty()) {
      return ReportPage.section("llm", Html.note("No round of this study was proposed by an LLM, so there are no analyses and no token use to show."));
    }
    rows.add(
        List.of(
            "<b>all</b>", "", "<b>" + calls + "</b>", "<b>" + prompt + "</b>", "<b>" + completion + "</b>",
            "<b>" + repairs + "</b>", "<b>" + fallbacks + "</b>", "<b>" + cacheHits + "</b>", ""));
    return ReportPage.section("llm", Html.table(
            "llm",
            List.of("round", "proposers", "LLM calls", "prompt tokens", "completion tokens", "repairs", "fallbacks", "cache hits", "analysis"),
            rows));
  }

  /** The round's proposers, as its trials name them (the first round's first trial is the default baseline). */
  private static String proposersOfRound(StudyRecord record, int round) {
    return record.trials().stream()
        .filter(t -> t.getTrial().getRound() == round)
        .map(t -> t.getTrial().getProposer())
        .distinct()
        .collect(Collectors.joining(", "));
  }
}

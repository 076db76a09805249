package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.llmhpo.propose.Objective;
import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.TrialBudget;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class FixedConfigProposerTest {
  @Test
  public void everyTrialIsTheDefaultsWithTheOverrides() {
    SearchSpace space = SearchSpace.xgboostDefault();
    ProposalRequest request = new ProposalRequest(new Objective(TaskType.BINARY, "y", "logloss", Direction.MINIMIZE),
        space, List.of(), List.of(), 3, 0, 1, null, new TrialBudget(3, 0, 1, 3, 10, 0));
    List<ProposedConfig> configs =
        FixedConfigProposer.factory(Map.of("max_depth", 8L)).create().propose(request).configs();
    Map<String, Object> expected = new LinkedHashMap<>(space.defaults());
    expected.put("max_depth", 8L);
    assertThat(configs, hasSize(3));
    assertThat(configs.stream().map(ProposedConfig::params).toList(), everyItem(equalTo(expected)));
    assertThat(configs.stream().map(ProposedConfig::proposer).toList(), everyItem(equalTo("fixed")));
  }
}

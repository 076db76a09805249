package dev.llmhpo.propose.random;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.propose.ProposalRequest;
import dev.llmhpo.propose.ProposedConfig;
import dev.llmhpo.propose.Studies;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.NumericScale;
import dev.llmhpo.space.SearchSpace;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

public class LatinHypercubeProposerTest {
  private static final SearchSpace XGBOOST = SearchSpace.xgboostDefault();

  @Test
  public void everyFloatParameterHasOneTrialInEachOfTheBatchsStrata() {
    int n = 8;
    ProposalRequest request = Studies.request(XGBOOST, Direction.MINIMIZE, List.of(), n, 3);

    List<ProposedConfig> batch = new LatinHypercubeProposer().propose(request).configs();

    for (SearchParam p : XGBOOST.params()) {
      if (p.getType() != ParamType.FLOAT) {
        continue;
      }
      NumericScale scale = XGBOOST.scale(p.getName());
      Set<Integer> strata = new TreeSet<>();
      for (ProposedConfig config : batch) {
        double coordinate = scale.toCoordinate((Double) config.params().get(p.getName()));
        strata.add((int) (n * (coordinate - scale.low()) / (scale.high() - scale.low())));
      }
      assertThat(p.getName(), strata, equalTo(Set.of(0, 1, 2, 3, 4, 5, 6, 7)));
    }
  }
}

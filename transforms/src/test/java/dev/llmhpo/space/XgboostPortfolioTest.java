package dev.llmhpo.space;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The start-up portfolio made into configurations of a study's space. */
public class XgboostPortfolioTest {
  @Test
  public void inTheDefaultSpaceThePortfolioIsFiveDistinctConfigurationsLedByProbstsDefaults() {
    SearchSpace space = SearchSpace.xgboostDefault();

    List<XgboostPortfolio.Config> portfolio = XgboostPortfolio.in(space);

    assertThat(portfolio, hasSize(5));
    portfolio.forEach(config -> assertThat(config.source(), space.contains(config.params()), equalTo(true)));
    assertThat(new HashSet<>(portfolio.stream().map(c -> space.canonicalKey(c.params())).toList()), hasSize(5));
    Map<String, Object> probst = portfolio.get(0).params();
    assertThat(probst.get("eta"), equalTo(0.018));
    assertThat(probst.get("max_depth"), equalTo(12L)); // 13 in the paper, clipped to the space
    assertThat(probst.get("alpha"), equalTo(1.113));
    assertThat(probst.get("max_bin"), equalTo(256L)); // not in the paper: the space's default
    assertThat(portfolio.get(2).params().get("alpha"), equalTo(0.001)); // alpha 0 clipped to the log scale's low end
  }

  @Test
  public void aParameterTheDefaultSpaceLacksIsUsedWhereTheSpaceHasIt() {
    List<dev.llmhpo.schema.SearchParam> params = new ArrayList<>(SearchSpace.xgboostDefault().params());
    params.add(floatParam("colsample_bylevel", 0.3, 1, false, 1.0));

    assertThat(XgboostPortfolio.in(SearchSpace.of(params)).get(0).params().get("colsample_bylevel"), equalTo(0.585));
  }

  @Test
  public void inAnotherSpaceValuesAreClippedKeysDroppedAndAMismatchedTypeTakesTheDefault() {
    SearchSpace space =
        SearchSpace.of(List.of(
            floatParam("eta", 0.05, 0.3, true, 0.1),
            intParam("max_depth", 5, 8, false, 6L),
            categorical("lambda", List.of("low", "high"), "high")));

    Map<String, Object> probst = XgboostPortfolio.in(space).get(0).params();

    assertThat(probst, equalTo(Map.of("eta", 0.05, "max_depth", 8L, "lambda", "high")));
  }
}

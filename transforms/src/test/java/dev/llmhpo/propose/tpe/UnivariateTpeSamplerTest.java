package dev.llmhpo.propose.tpe;

import static dev.llmhpo.space.SearchParams.categorical;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.llmhpo.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.Test;

public class UnivariateTpeSamplerTest {
  private static final SearchSpace SPACE = SearchSpace.of(List.of(categorical("c", List.of("a", "b", "c"), null)));

  @Test
  public void picksWhatTheGoodGroupHoldsAndTheBadGroupLacks() {
    UnivariateTpeSampler sampler = new UnivariateTpeSampler(SPACE, List.of(config("a")), List.of(config("b"), config("c")));

    assertThat(count("a", sampler, 100), equalTo(100));
  }

  @Test
  public void pendingConfigurationsPushLaterDrawsElsewhere() {
    UnivariateTpeSampler sampler = new UnivariateTpeSampler(SPACE, List.of(config("a")), List.of(config("b"), config("c")));
    for (int i = 0; i < 10; i++) {
      sampler.addPending(config("a"));
    }

    assertThat(count("a", sampler, 100), lessThan(10));
  }

  private static int count(String choice, UnivariateTpeSampler sampler, int draws) {
    SplittableRandom random = new SplittableRandom(1);
    int count = 0;
    for (int i = 0; i < draws; i++) {
      count += sampler.sample(random).get("c").equals(choice) ? 1 : 0;
    }
    return count;
  }

  private static Map<String, Object> config(String choice) {
    return Map.of("c", choice);
  }
}

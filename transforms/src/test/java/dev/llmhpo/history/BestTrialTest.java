package dev.llmhpo.history;

import static dev.llmhpo.history.Results.complete;
import static dev.llmhpo.history.Results.result;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class BestTrialTest {
  private static final List<TrialResult> THREE = List.of(complete(0, 0.5), complete(1, 0.3), complete(2, 0.7));

  @Test
  public void minimizePicksTheLowestValue() {
    assertThat(bestId(THREE, Direction.MINIMIZE), equalTo(Optional.of(1)));
  }

  @Test
  public void maximizePicksTheHighestValue() {
    assertThat(bestId(THREE, Direction.MAXIMIZE), equalTo(Optional.of(2)));
  }

  @Test
  public void aTieGoesToTheEarlierTrialWhateverTheOrderGiven() {
    List<TrialResult> tied = List.of(complete(4, 0.2), complete(3, 0.9), complete(1, 0.2), complete(2, 0.9));
    assertThat(bestId(tied, Direction.MINIMIZE), equalTo(Optional.of(1)));
    assertThat(bestId(tied, Direction.MAXIMIZE), equalTo(Optional.of(2)));
  }

  @Test
  public void failedPendingNanAndMissingValuesAreIgnored() {
    List<TrialResult> results =
        List.of(
            result(0, 0, TrialStatus.FAILED, 0.01, 1),
            result(1, 0, TrialStatus.COMPLETE, Double.NaN, 1),
            result(2, 0, TrialStatus.COMPLETE, null, 1),
            result(3, 0, TrialStatus.PENDING, 0.02, 0),
            complete(4, 0.6),
            complete(5, 0.4));
    assertThat(bestId(results, Direction.MINIMIZE), equalTo(Optional.of(5)));
    assertThat(bestId(results, Direction.MAXIMIZE), equalTo(Optional.of(4)));
  }

  @Test
  public void noCompletedTrialMeansNoBest() {
    assertThat(BestTrial.of(List.of(), Direction.MINIMIZE), equalTo(Optional.empty()));
    List<TrialResult> noneUsable =
        List.of(result(0, 0, TrialStatus.FAILED, null, 1), result(1, 0, TrialStatus.COMPLETE, Double.NaN, 1));
    assertThat(BestTrial.of(noneUsable, Direction.MAXIMIZE), equalTo(Optional.empty()));
  }

  private static Optional<Integer> bestId(List<TrialResult> results, Direction direction) {
    return BestTrial.of(results, direction).map(Results::id);
  }
}

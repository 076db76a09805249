package dev.llmhpo.history;

import static dev.llmhpo.history.Results.complete;
import static dev.llmhpo.history.Results.result;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.schema.TrialStatus;
import java.util.List;
import org.junit.Test;

public class HistoriesTest {
  @Test
  public void resultsAreSortedByTrialIdAndTheBestIsSet() {
    History history =
        Histories.of("s", 3, List.of(complete(2, 0.4), complete(0, 0.6), complete(1, 0.2)), Direction.MINIMIZE);

    assertThat(history.getStudyId(), equalTo("s"));
    assertThat(history.getRoundsDone(), equalTo(3));
    assertThat(history.getResults().stream().map(Results::id).toList(), equalTo(List.of(0, 1, 2)));
    assertThat(history.getBest(), equalTo(complete(1, 0.2)));
  }

  @Test
  public void theBestFollowsTheDirection() {
    List<TrialResult> results = List.of(complete(0, 0.6), complete(1, 0.2), complete(2, 0.9));
    assertThat(Results.id(Histories.of("s", 1, results, Direction.MAXIMIZE).getBest()), equalTo(2));
  }

  @Test
  public void aTrialLoggedTwiceKeepsItsLaterFinishedCopy() {
    TrialResult failedFirst = result(1, 0, TrialStatus.FAILED, null, 100);
    TrialResult retried = result(1, 0, TrialStatus.COMPLETE, 0.1, 200);

    // Whichever order the copies arrive in, the later finished one stays, once.
    for (List<TrialResult> arrival :
        List.of(List.of(complete(0, 0.5), failedFirst, retried), List.of(retried, complete(0, 0.5), failedFirst))) {
      History history = Histories.of("s", 1, arrival, Direction.MINIMIZE);
      assertThat(history.getResults(), equalTo(List.of(complete(0, 0.5), retried)));
      assertThat(history.getBest(), equalTo(retried));
    }
  }

  @Test
  public void copiesFinishedAtTheSameTimeKeepTheLastGiven() {
    TrialResult first = result(0, 0, TrialStatus.COMPLETE, 0.5, 100);
    TrialResult second = result(0, 0, TrialStatus.COMPLETE, 0.4, 100);
    assertThat(Histories.of("s", 1, List.of(first, second), Direction.MINIMIZE).getResults(), equalTo(List.of(second)));
  }

  @Test
  public void noResultsOrNoCompletedTrialGiveNoBest() {
    History none = Histories.of("s", 0, List.of(), Direction.MINIMIZE);
    assertThat(none.getResults(), empty());
    assertThat(none.getBest(), nullValue());

    History failed = Histories.of("s", 1, List.of(result(0, 0, TrialStatus.FAILED, null, 5)), Direction.MINIMIZE);
    assertThat(failed.getResults().size(), equalTo(1));
    assertThat(failed.getBest(), nullValue());
  }
}

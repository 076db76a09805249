package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.llmhpo.data.EncodedMatrix;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class XgbTrainerTest {
  /** Labels that are pure noise: the validation loss gets worse after a round or two. */
  private static EncodedMatrix noise(long seed, int rows) {
    Random random = new Random(seed);
    float[] values = new float[rows * 3];
    float[] labels = new float[rows];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextBoolean() ? 1 : 0;
    }
    return new EncodedMatrix(values, rows, 3, labels, new String[] {"a", "b", "c"}, new String[] {"q", "q", "q"});
  }

  @Test
  public void zeroEarlyStoppingRoundsTrainsEveryRound() throws Exception {
    Map<String, Object> params = Map.of("eta", 0.3, "max_depth", 6);
    try (XgbTrainer trainer = new XgbTrainer(noise(1, 400), noise(2, 200))) {
      TrainOutcome stopped = trainer.train(params, new TrainBudget(40, 2, "logloss", 1, "cpu", 1));
      TrainOutcome full = trainer.train(params, new TrainBudget(40, 0, "logloss", 1, "cpu", 1));
      assertThat(stopped.bestIteration(), lessThan(39));
      assertThat(full.bestIteration(), equalTo(39));
    }
  }
}

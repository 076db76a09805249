package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.Test;

public class SplitsTest {
  /** 50 rows of label 0, 30 of label 1, 20 of label 2, interleaved. */
  private static float[] labels() {
    float[] labels = new float[100];
    for (int row = 0; row < labels.length; row++) {
      labels[row] = row % 10 < 5 ? 0 : row % 10 < 8 ? 1 : 2;
    }
    return labels;
  }

  @Test
  public void validationSizeIsTheCeilingOfTheFraction() {
    assertThat(Splits.validationSize(32561, 0.2), is(6513));
    assertThat(Splits.validationSize(10, 0.25), is(3));
    assertThat(Splits.validationSize(100, 0.2), is(20));
  }

  @Test
  public void allocationGivesTheRemainderToTheLargestFractions() {
    // Shares 1.5, 0.9, 0.6: floors 1, 0, 0 and the two rows left go to the classes with fractions 0.9 and 0.6.
    assertArrayEquals(new int[] {1, 1, 1}, Splits.proportionalAllocation(new int[] {5, 3, 2}, 3));
    // Shares 4.8, 2.4, 1.8: floors 4, 2, 1 and the two rows left go to the two fractions of 0.8.
    assertArrayEquals(new int[] {5, 2, 2}, Splits.proportionalAllocation(new int[] {16, 8, 6}, 9));
    // Equal fractions: the lower labels first.
    assertArrayEquals(new int[] {1, 1, 0}, Splits.proportionalAllocation(new int[] {1, 1, 1}, 2));
  }

  @Test
  public void stratifiedHoldoutKeepsClassSharesAndCoversEveryRowOnce() {
    float[] labels = labels();
    Split split = Splits.stratifiedHoldout(labels, 0.25, 7);

    assertThat(split.validation().length, is(25));
    assertThat(split.train().length, is(75));
    assertArrayEquals(new int[] {13, 7, 5}, classCounts(labels, split.validation()));
    assertArrayEquals(new int[] {37, 23, 15}, classCounts(labels, split.train()));
    int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    assertArrayEquals(Arrays.stream(split.validation()).sorted().toArray(), split.validation());
  }

  @Test
  public void stratifiedHoldoutIsDeterministicPerSeed() {
    Split first = Splits.stratifiedHoldout(labels(), 0.2, 42);
    Split again = Splits.stratifiedHoldout(labels(), 0.2, 42);
    Split other = Splits.stratifiedHoldout(labels(), 0.2, 43);

    assertArrayEquals(first.validation(), again.validation());
    assertArrayEquals(first.train(), again.train());
    assertThat(Arrays.equals(first.validation(), other.validation()), is(false));
  }

  @Test
  public void shuffledHoldoutIsSizedSeededAndCoversEveryRowOnce() {
    Split split = Splits.shuffledHoldout(101, 0.2, 3);

    assertThat(split.validation().length, is(21));
    int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 101).toArray(), all);
    assertArrayEquals(split.validation(), Splits.shuffledHoldout(101, 0.2, 3).validation());
    assertThat(split.validation(), not(Splits.shuffledHoldout(101, 0.2, 4).validation()));
  }

  @Test
  public void fractionMustBeBetweenZeroAndOne() {
    assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedHoldout(labels(), 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Splits.shuffledHoldout(10, 1.0, 1));
  }

  @Test
  public void tooFewRowsToHoldOutIsADataError() {
    assertThrows(DataException.class, () -> Splits.stratifiedHoldout(new float[] {0}, 0.5, 1));
  }

  private static int[] classCounts(float[] labels, int[] rows) {
    int[] counts = new int[3];
    for (int row : rows) {
      counts[(int) labels[row]]++;
    }
    return counts;
  }
}

package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class EncodedMatrixTest {
  private static final String[] NAMES = {"a", "b"};
  private static final String[] TYPES = {"q", "c"};

  @Test
  public void rowsSelectsValuesAndLabelsInTheGivenOrder() {
    EncodedMatrix matrix =
        new EncodedMatrix(new float[] {1, 2, 3, 4, 5, Float.NaN}, 3, 2, new float[] {0, 1, 0}, NAMES, TYPES);

    EncodedMatrix selected = matrix.rows(new int[] {2, 0});

    assertThat(selected.rows(), is(2));
    assertThat(selected.cols(), is(2));
    assertArrayEquals(new float[] {5, Float.NaN, 1, 2}, selected.values(), 0f);
    assertArrayEquals(new float[] {0, 0}, selected.labels(), 0f);
    assertThat(selected.value(0, 1), is(Float.NaN));
    assertThat(selected.featureNames(), sameInstance(NAMES));
    assertThat(selected.featureTypes(), sameInstance(TYPES));
  }

  @Test
  public void rejectsArraysThatDoNotFitTheShape() {
    assertThrows(IllegalArgumentException.class,
        () -> new EncodedMatrix(new float[5], 3, 2, new float[3], NAMES, TYPES));
    assertThrows(IllegalArgumentException.class,
        () -> new EncodedMatrix(new float[6], 3, 2, new float[2], NAMES, TYPES));
    assertThrows(IllegalArgumentException.class,
        () -> new EncodedMatrix(new float[6], 3, 2, new float[3], new String[] {"a"}, TYPES));
  }
}

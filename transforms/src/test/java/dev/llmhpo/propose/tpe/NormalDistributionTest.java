package dev.llmhpo.propose.tpe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.Test;

public class NormalDistributionTest {
  /** {x, erfc(x)} to 16 digits. */
  private static final double[][] ERFC = {
    {-1, 1.8427007929497149},
    {0, 1},
    {0.5, 0.4795001221869535},
    {1, 0.15729920705028513},
    {2, 0.004677734981047266},
    {2.5, 4.069520174449590e-4},
    {3, 2.209049699858544e-5},
    {5, 1.5374597944280349e-12},
    {10, 2.088487583762545e-45},
    {26, 5.663192408856143e-296},
  };

  @Test
  public void erfcHasSmallRelativeErrorIntoTheTails() {
    for (double[] row : ERFC) {
      assertThat("erfc(" + row[0] + ")", NormalDistribution.erfc(row[0]), closeTo(row[1], row[1] * 1e-13));
    }
  }

  @Test
  public void probabilityBetweenKeepsPrecisionInBothTails() {
    // P(8 < Z < 9) = Q(8) - Q(9): 6.22096057427178e-16 - 1.128588405953840e-19
    double upper = 6.22096057427178e-16 - 1.128588405953840e-19;

    assertThat(NormalDistribution.probabilityBetween(8, 9), closeTo(upper, upper * 1e-12));
    assertThat(NormalDistribution.probabilityBetween(-9, -8), closeTo(upper, upper * 1e-12));
    assertThat(NormalDistribution.probabilityBetween(-1, 1), closeTo(0.6826894921370859, 1e-15));
    assertThat(NormalDistribution.cdf(1.96), closeTo(0.9750021048517795, 1e-15));
  }
}

package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.io.StringWriter;
import java.util.List;
import org.junit.Test;

public class SyntheticTableTest {
  private static String csv(int rows, int features, long seed) throws Exception {
    StringWriter out = new StringWriter();
    new SyntheticTable(rows, features, seed).write(out);
    return out.toString();
  }

  @Test
  public void theSameSeedGivesTheSameTable() throws Exception {
    assertThat(csv(50, 8, 3), equalTo(csv(50, 8, 3)));
    assertThat(csv(50, 8, 3), not(equalTo(csv(50, 8, 4))));
  }

  @Test
  public void aHeaderThenOneLineARowWithBothClasses() throws Exception {
    List<String> lines = csv(2000, 12, 1).lines().toList();
    assertThat(lines.size(), equalTo(2001));
    assertThat(lines.get(0), equalTo("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,label"));
    long yes = lines.stream().skip(1).filter(l -> l.endsWith(",yes")).count();
    assertThat((double) yes / 2000, both(greaterThan(0.25)).and(lessThan(0.75)));
    assertThat(lines.get(1).split(",").length, equalTo(13));
  }

  @Test
  public void theLabelFollowsTheSignal() throws Exception {
    // Rows whose signal is strongly positive are mostly "yes", strongly negative mostly "no".
    int agree = 0, strong = 0;
    for (String line : csv(5000, 8, 2).lines().skip(1).toList()) {
      String[] cells = line.split(",");
      double[] x = new double[8];
      for (int i = 0; i < 8; i++) {
        x[i] = Double.parseDouble(cells[i]);
      }
      double logit = SyntheticTable.logit(x);
      if (Math.abs(logit) > 3) {
        strong++;
        agree += (logit > 0) == cells[8].equals("yes") ? 1 : 0;
      }
    }
    assertThat((double) agree / strong, greaterThan(0.9));
  }

  @Test
  public void fourDecimalsWithoutFormat() {
    StringBuilder out = new StringBuilder();
    SyntheticTable.appendFixed4(out, -1.23456);
    out.append(' ');
    SyntheticTable.appendFixed4(out, 0.00004);
    out.append(' ');
    SyntheticTable.appendFixed4(out, 12.5);
    assertThat(out.toString(), equalTo("-1.2346 0.0000 12.5000"));
  }

  @Test
  public void tooFewFeaturesIsAnErrorNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SyntheticTable(10, 3, 1));
    assertThat(e.getMessage(), containsString("--features"));
  }
}

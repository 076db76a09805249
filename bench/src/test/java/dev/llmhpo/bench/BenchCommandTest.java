package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BenchCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void scenariosRunInAFixedOrderAndAllMeansTheFirstThree() {
    assertThat(BenchCommand.scenarios("scale,overhead"), contains("overhead", "scale"));
    assertThat(BenchCommand.scenarios("all"), contains("overhead", "efficiency", "scale"));
    assertThat(BenchCommand.scenarios("gpu, all"), contains("overhead", "efficiency", "scale", "gpu"));
  }

  @Test
  public void anUnknownScenarioIsAnErrorNamingTheOption() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.scenarios("overhead,speed"));
    assertThat(e.getMessage(), containsString("--scenario=speed"));
  }

  @Test
  public void badOptionsExitWithTwoAndAMessage() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = BenchCommand.run(new String[] {"--scenario=overhead", "--parallelisms=2,x", "--output=" + tmp.getRoot()});
    } finally {
      System.setErr(original);
    }
    assertThat(exit, equalTo(2));
    assertThat(captured.toString(StandardCharsets.UTF_8), containsString("--parallelisms: 'x' is not a whole number"));
  }
}

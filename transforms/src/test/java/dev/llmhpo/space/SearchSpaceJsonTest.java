package dev.llmhpo.space;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.ParamType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SearchSpaceJsonTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void readsFloatIntAndCategoricalParameters() throws IOException {
    SearchSpace space =
        SearchSpace.fromJson(
            write(
                "{\"params\":[{\"name\":\"eta\",\"type\":\"float\",\"low\":0.01,\"high\":0.3,\"log\":true,"
                    + "\"default\":0.1},"
                    + "{\"name\":\"max_depth\",\"type\":\"int\",\"low\":2,\"high\":10},"
                    + "{\"name\":\"grow_policy\",\"type\":\"categorical\","
                    + "\"choices\":[\"depthwise\",\"lossguide\"]}]}"));

    assertThat(space.names(), contains("eta", "max_depth", "grow_policy"));
    assertThat(space.param("eta").getLog(), equalTo(true));
    assertThat(space.param("max_depth").getType(), equalTo(ParamType.INT));
    assertThat(space.param("grow_policy").getChoices(), contains("depthwise", "lossguide"));
    assertThat(space.defaults().values(), contains(0.1, 6L, "depthwise"));
  }

  @Test
  public void lowNotBelowHigh() throws IOException {
    assertRefused("{\"name\":\"eta\",\"type\":\"float\",\"low\":0.3,\"high\":0.01}", "parameter 'eta': low (0.3)");
  }

  @Test
  public void logScaleWithoutPositiveLow() throws IOException {
    assertRefused(
        "{\"name\":\"alpha\",\"type\":\"float\",\"low\":0,\"high\":1,\"log\":true}",
        "parameter 'alpha': log scale needs low > 0");
  }

  @Test
  public void categoricalWithoutChoices() throws IOException {
    assertRefused(
        "{\"name\":\"grow_policy\",\"type\":\"categorical\"}",
        "parameter 'grow_policy': categorical parameters need choices");
  }

  @Test
  public void unknownType() throws IOException {
    assertRefused(
        "{\"name\":\"eta\",\"type\":\"double\",\"low\":0,\"high\":1}", "parameter 'eta': unknown type 'double'");
  }

  @Test
  public void duplicateNames() throws IOException {
    assertRefused(
        "{\"name\":\"eta\",\"type\":\"float\",\"low\":0,\"high\":1},"
            + "{\"name\":\"eta\",\"type\":\"float\",\"low\":0,\"high\":2}",
        "duplicate parameter 'eta'");
  }

  @Test
  public void missingName() throws IOException {
    assertRefused(
        "{\"name\":\"eta\",\"type\":\"float\",\"low\":0,\"high\":1},{\"type\":\"int\",\"low\":1,\"high\":3}",
        "parameter #2 has no name");
  }

  @Test
  public void missingBounds() throws IOException {
    assertRefused(
        "{\"name\":\"max_depth\",\"type\":\"int\",\"low\":2}",
        "parameter 'max_depth': int parameters need low and high");
  }

  @Test
  public void misspeltField() throws IOException {
    assertRefused(
        "{\"name\":\"eta\",\"type\":\"float\",\"low\":0,\"high\":1,\"lg\":true}",
        "parameter 'eta': unknown field 'lg'");
  }

  @Test
  public void boundThatIsNotANumber() throws IOException {
    assertRefused(
        "{\"name\":\"eta\",\"type\":\"float\",\"low\":\"0\",\"high\":1}", "parameter 'eta': low must be a number");
  }

  @Test
  public void defaultOutsideTheBounds() throws IOException {
    assertRefused(
        "{\"name\":\"max_depth\",\"type\":\"int\",\"low\":2,\"high\":10,\"default\":12}",
        "parameter 'max_depth': default 12 is outside [2, 10]");
  }

  @Test
  public void notJson() throws IOException {
    Path file = write("{\"params\":[");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.fromJson(file));
    assertThat(e.getMessage(), containsString("search space " + file + ": not valid JSON"));
  }

  @Test
  public void noParamsArray() throws IOException {
    Path file = write("{\"parameters\":[]}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.fromJson(file));
    assertThat(
        e.getMessage(), containsString("search space " + file + ": expected a JSON object with a \"params\" array"));
  }

  @Test
  public void missingFile() {
    Path file = folder.getRoot().toPath().resolve("absent.json");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.fromJson(file));
    assertThat(e.getMessage(), containsString("search space " + file + ": cannot read it"));
  }

  private void assertRefused(String params, String expected) throws IOException {
    Path file = write("{\"params\":[" + params + "]}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.fromJson(file));
    assertThat(e.getMessage(), containsString("search space " + file + ": " + expected));
  }

  private Path write(String json) throws IOException {
    Path file = folder.newFile().toPath();
    Files.writeString(file, json);
    return file;
  }
}

package dev.llmhpo.propose.llm.guard;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import dev.llmhpo.propose.llm.guard.OutputParser.ParsedAnswer;
import java.util.Map;
import org.junit.Test;

public class OutputParserTest {
  @Test
  public void readsTheAnswerShape() {
    ParsedAnswer a = OutputParser.parse(
        "{\"analysis\": \"deeper is better\", \"configs\": [{\"params\": {\"eta\": 0.1, \"max_depth\": 6,"
            + " \"grow_policy\": \"lossguide\"}, \"rationale\": \"go deep\"}]}");

    assertNull(a.problem());
    assertEquals("deeper is better", a.analysis());
    assertThat(a.configs(), hasSize(1));
    assertEquals(Map.of("eta", 0.1, "max_depth", 6L, "grow_policy", "lossguide"), a.configs().get(0).params());
    assertEquals("go deep", a.configs().get(0).rationale());
  }

  @Test
  public void skipsFencesProseAndBracesBeforeTheAnswer() {
    ParsedAnswer a = OutputParser.parse("Thinking {a bit} [really]...\n```json\n"
        + "{\"configs\": [{\"params\": {\"eta\": 0.2}, \"rationale\": \"r\",},],}\n```\nDone {ok}");

    assertNull(a.problem());
    assertThat(a.configs(), hasSize(1));
    assertEquals(0.2, a.configs().get(0).params().get("eta"));
  }

  @Test
  public void acceptsFlatConfigsABareArrayAndSingleQuotes() {
    ParsedAnswer flat = OutputParser.parse("[{'eta': 0.3, 'rationale': 'flat'}, {\"eta\": \"0.4\"}]");

    assertThat(flat.configs(), hasSize(2));
    assertEquals(Map.of("eta", 0.3), flat.configs().get(0).params());
    assertEquals("flat", flat.configs().get(0).rationale());
    assertEquals("0.4", flat.configs().get(1).params().get("eta"));
  }

  @Test
  public void nonScalarValuesArePassedOnAsTextAndNullsCountAsMissing() {
    ParsedAnswer a = OutputParser.parse("{\"configs\": [{\"params\": {\"eta\": [0.1], \"max_depth\": null}}]}");

    assertEquals(Map.of("eta", "[0.1]"), a.configs().get(0).params());
  }

  @Test
  public void saysWhyNothingCouldBeRead() {
    assertEquals("the answer was empty", OutputParser.parse("  ").problem());
    assertNotNull(OutputParser.parse("I cannot help with that.").problem());
    assertNotNull(OutputParser.parse("{\"configs\": [{\"params\": {\"eta\": 0.1").problem());
    assertNotNull(OutputParser.parse("{\"something\": \"else\"}").problem());
  }
}

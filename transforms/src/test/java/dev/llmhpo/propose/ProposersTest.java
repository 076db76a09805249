package dev.llmhpo.propose;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ProposersTest {
  @Test
  public void createsEachBuiltInByItsName() {
    assertThat(Proposers.builtInNames(), contains("random", "tpe"));
    for (String name : Proposers.builtInNames()) {
      assertThat(Proposers.create(name).name(), equalTo(name));
    }
  }

  @Test
  public void unknownNameListsTheBuiltIns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proposers.create("bayes"));

    assertThat(e.getMessage(), containsString("'bayes'"));
    assertThat(e.getMessage(), containsString("[random, tpe]"));
  }
}

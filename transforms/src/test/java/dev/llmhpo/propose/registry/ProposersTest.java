package dev.llmhpo.propose.registry;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.propose.tpe.TpeSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.Test;

public class ProposersTest {
  private static final ProposerSettings TPE_ONLY = ProposerSettings.of(TpeSettings.DEFAULTS, null);

  @Test
  public void namesTheBuiltInsRandomAndTpeFirst() {
    assertThat(Proposers.names().subList(0, 4), equalTo(List.of("random", "tpe", "llm", "llm-tpe")));
    assertFalse(Proposers.usesChatModel("tpe"));
    assertTrue(Proposers.usesChatModel("llm"));
    assertTrue(Proposers.usesChatModel("llm-tpe"));
  }

  @Test
  public void createsEachProposerThatAsksNoChatModelByItsName() {
    for (String name : Proposers.names()) {
      if (!Proposers.usesChatModel(name)) {
        assertThat(Proposers.create(name, TPE_ONLY).name(), equalTo(name));
      }
    }
  }

  @Test
  public void unknownNameListsTheBuiltIns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Proposers.factory("bayes", TPE_ONLY));

    assertThat(e.getMessage(), containsString("'bayes'"));
    assertThat(e.getMessage(), containsString(Proposers.names().toString()));
  }

  @Test
  public void anLlmProposerWithoutLlmSettingsFailsBeforeTheJob() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proposers.factory("llm", TPE_ONLY));

    assertThat(e.getMessage(), startsWith("proposer 'llm' asks a chat model"));
  }

  @Test
  public void theRecipeTravelsToWorkersAndBuildsTheProposerThere() throws Exception {
    ProposerFactory recipe = roundTrip(Proposers.factory("tpe", ProposerSettings.of(new TpeSettings(3, false), null)));

    assertThat(recipe.create().name(), equalTo("tpe"));
  }

  private static ProposerFactory roundTrip(ProposerFactory factory) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(factory);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ProposerFactory) in.readObject();
    }
  }
}

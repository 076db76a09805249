package dev.llmhpo.history;

import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import java.io.Serializable;

/** Told, on the worker, each time a round's history is complete: writes the round's log, prints progress. */
@FunctionalInterface
public interface RoundListener extends Serializable {
  void roundFinished(StudySpec spec, History history);

  default RoundListener andThen(RoundListener next) {
    return (spec, history) -> {
      roundFinished(spec, history);
      next.roundFinished(spec, history);
    };
  }
}

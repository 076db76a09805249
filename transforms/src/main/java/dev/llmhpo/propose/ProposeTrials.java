package dev.llmhpo.propose;

import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** History in, history plus the round's new trials out, each keyed by the worker slot that will train it. */
public class ProposeTrials extends PTransform<PCollection<History>, PCollection<KV<Integer, TrialResult>>> {
  private final StudySpec spec;
  private final ProposerFactory proposerFactory;
  private final List<Integer> slotKeys;
  private final String dataCardJson;
  private final int plannedTrials;

  /** @param plannedTrials trials the whole study plans through the end of this run, earlier runs included */
  public ProposeTrials(StudySpec spec, ProposerFactory proposerFactory, List<Integer> slotKeys, String dataCardJson,
      int plannedTrials) {
    this.spec = spec;
    this.proposerFactory = proposerFactory;
    this.slotKeys = List.copyOf(slotKeys);
    this.dataCardJson = dataCardJson;
    this.plannedTrials = plannedTrials;
  }

  @Override
  public PCollection<KV<Integer, TrialResult>> expand(PCollection<History> history) {
    return history
        .apply("Propose", ParDo.of(new ProposeTrialsFn(spec, proposerFactory, slotKeys, dataCardJson, plannedTrials)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(TrialResult.class)));
  }
}

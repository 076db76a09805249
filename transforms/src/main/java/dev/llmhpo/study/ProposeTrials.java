package dev.llmhpo.study;

import dev.llmhpo.propose.ProposerFactory;
import dev.llmhpo.schema.History;
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
  private final ProposalPlan plan;
  private final ProposerFactory proposerFactory;
  private final List<Integer> slotKeys;

  /** @param slotKeys one key per worker slot; trial i of a round goes to {@code slotKeys[i % size]} */
  public ProposeTrials(ProposalPlan plan, ProposerFactory proposerFactory, List<Integer> slotKeys) {
    this.plan = plan;
    this.proposerFactory = proposerFactory;
    this.slotKeys = List.copyOf(slotKeys);
  }

  @Override
  public PCollection<KV<Integer, TrialResult>> expand(PCollection<History> history) {
    return history
        .apply("Propose", ParDo.of(new ProposeTrialsFn(plan, proposerFactory, slotKeys)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(TrialResult.class)));
  }
}

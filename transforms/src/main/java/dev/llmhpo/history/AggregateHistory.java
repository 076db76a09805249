package dev.llmhpo.history;

import dev.llmhpo.schema.History;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TrialResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Results keyed by study id in, one history per study out. */
public class AggregateHistory extends PTransform<PCollection<KV<String, TrialResult>>, PCollection<History>> {
  private final StudySpec spec;
  private final RoundListener listener;

  public AggregateHistory(StudySpec spec, RoundListener listener) {
    this.spec = spec;
    this.listener = listener;
  }

  @Override
  public PCollection<History> expand(PCollection<KV<String, TrialResult>> results) {
    return results
        .apply("Aggregate", ParDo.of(new AggregateHistoryFn(spec, listener)))
        .setCoder(AvroCoder.of(History.class));
  }
}

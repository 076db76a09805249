package dev.llmhpo.study;

import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.History;
import dev.llmhpo.schema.TrialResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Results keyed by study id in, one history per study out, its best trial picked in the study's direction. */
public class AggregateHistory extends PTransform<PCollection<KV<String, TrialResult>>, PCollection<History>> {
  private final Direction direction;

  public AggregateHistory(Direction direction) {
    this.direction = direction;
  }

  @Override
  public PCollection<History> expand(PCollection<KV<String, TrialResult>> results) {
    return results.apply("Aggregate", ParDo.of(new AggregateHistoryFn(direction))).setCoder(AvroCoder.of(History.class));
  }
}

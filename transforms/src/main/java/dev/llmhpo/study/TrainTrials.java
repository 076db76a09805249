package dev.llmhpo.study;

import dev.llmhpo.schema.TrialResult;
import dev.llmhpo.train.TrialTraining;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Groups a round's trials by worker slot and trains each slot's trials on the worker its key lands on; results
 * come out keyed by study id, ready for the history aggregation.
 */
public class TrainTrials
    extends PTransform<PCollection<KV<Integer, TrialResult>>, PCollection<KV<String, TrialResult>>> {
  private final TrialTraining training;

  public TrainTrials(TrialTraining training) {
    this.training = training;
  }

  @Override
  public PCollection<KV<String, TrialResult>> expand(PCollection<KV<Integer, TrialResult>> trials) {
    return trials
        .apply("GroupBySlot", GroupByKey.create())
        .apply("Train", ParDo.of(new TrainTrialsFn(training)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(TrialResult.class)));
  }
}

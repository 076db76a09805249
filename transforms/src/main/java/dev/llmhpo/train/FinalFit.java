package dev.llmhpo.train;

import dev.llmhpo.evaluate.Metric;
import dev.llmhpo.evaluate.Metrics;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.StudySpec;
import java.io.Serializable;
import java.util.List;

/**
 * How a study's final model trains: the space that turns the best trial's configuration into XGBoost parameters,
 * the metric, the device and the seed.
 */
public record FinalFit(List<SearchParam> space, Metric metric, String device, long seed) implements Serializable {
  public FinalFit {
    space = List.copyOf(space);
  }

  public static FinalFit of(StudySpec spec) {
    return new FinalFit(
        spec.getSpace(), Metrics.byName(spec.getTask(), spec.getMetric()), spec.getDevice(), spec.getSeed());
  }
}

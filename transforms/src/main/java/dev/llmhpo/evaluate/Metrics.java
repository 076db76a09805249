package dev.llmhpo.evaluate;

import dev.llmhpo.schema.TaskType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The metrics of each task, by name; the first of each task's list is its default. */
public final class Metrics {
  private static final List<Metric> BINARY = List.of(new LogLoss(), new Auc(), new Accuracy(), new ErrorRate());
  private static final List<Metric> MULTICLASS =
      List.of(new MultiLogLoss(), new MulticlassAccuracy(), new MacroF1(), new MultiErrorRate());
  private static final List<Metric> REGRESSION = List.of(new Rmse(), new Mae(), new RSquared());

  private Metrics() {}

  /** The task's metrics in a fixed order, its default first. */
  public static List<Metric> forTask(TaskType task) {
    return switch (task) {
      case BINARY -> BINARY;
      case MULTICLASS -> MULTICLASS;
      case REGRESSION -> REGRESSION;
    };
  }

  /** The metric a study of {@code task} optimises when none is named: logloss, mlogloss or rmse. */
  public static Metric defaultFor(TaskType task) {
    return forTask(task).get(0);
  }

  /** The task's metric called {@code name} (any case); an error naming {@code --metric} and the choices if none. */
  public static Metric byName(TaskType task, String name) {
    for (Metric m : forTask(task)) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--metric=" + name + " is not a metric of " + task.name().toLowerCase(Locale.ROOT) + " tasks; choose one of "
            + names(task));
  }

  public static List<String> names(TaskType task) {
    return forTask(task).stream().map(Metric::name).toList();
  }

  /** Every metric of the task, in {@link #forTask} order. */
  public static Map<String, Double> all(TaskType task, float[] labels, float[][] predictions) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : forTask(task)) {
      out.put(m.name(), m.compute(labels, predictions));
    }
    return out;
  }
}

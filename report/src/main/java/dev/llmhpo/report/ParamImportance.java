package dev.llmhpo.report;

import dev.llmhpo.report.importance.Fanova;
import dev.llmhpo.report.importance.RandomForest;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.schema.TrialResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each parameter matters to the study's metric, computed from the trial log alone.
 *
 * @param shares importance per parameter, largest first, summing to 1; empty when {@code unavailable} says why
 * @param trialsUsed the completed trials the forest was fitted to
 */
record ParamImportance(Map<String, Double> shares, int trialsUsed, String unavailable) {
  static final int TREES = 64;
  static final int MAX_DEPTH = 64;
  static final int MIN_TRIALS = 5;
  static final String METHOD =
      "fANOVA (Hutter, Hoos and Leyton-Brown, 2014), computed as Optuna's FanovaImportanceEvaluator does: a random"
          + " forest of "
          + TREES
          + " regression trees (bootstrap samples, every parameter considered at each split) is fitted to the"
          + " completed trials, parameters on the space's own scale (log where the space is log, categoricals by"
          + " choice); for each tree a parameter's importance is the share of the prediction's variance over the"
          + " whole space that the parameter explains on its own; shares are averaged over the trees and normalised"
          + " to sum to 1. What is left to 1 before normalising is interaction between parameters.";

  static ParamImportance of(StudyRecord record) {
    List<SearchParam> space = record.spec().getSpace();
    UnitCoordinates coordinates = new UnitCoordinates(space);
    List<double[]> points = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (TrialResult r : record.completed()) {
      double[] point = coordinates.of(r.getTrial().getParams());
      if (Arrays.stream(point).noneMatch(Double::isNaN)) { // a trial of an older, different space
        points.add(point);
        values.add(r.getValue());
      }
    }
    if (points.size() < MIN_TRIALS) {
      return new ParamImportance(
          Map.of(), points.size(), "needs at least " + MIN_TRIALS + " completed trials; the log has " + points.size());
    }
    double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (Arrays.stream(y).distinct().count() < 2) {
      return new ParamImportance(Map.of(), points.size(), "every completed trial has the same " + record.spec().getMetric());
    }
    RandomForest forest =
        RandomForest.fit(points.toArray(double[][]::new), y, TREES, MAX_DEPTH, record.spec().getSeed());
    double[] importance = Fanova.importance(forest, space.size());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < space.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(importance[b], importance[a]));
    Map<String, Double> shares = new LinkedHashMap<>();
    order.forEach(i -> shares.put(space.get(i).getName(), importance[i]));
    return new ParamImportance(shares, points.size(), null);
  }
}

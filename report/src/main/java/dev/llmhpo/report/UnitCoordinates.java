package dev.llmhpo.report;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.NumericScale;
import dev.llmhpo.space.SearchSpace;
import java.util.List;
import java.util.Map;

/**
 * Parameter values as coordinates in [0, 1], on the scale the space samples on: log where the space is log, the
 * choice's slot for categoricals. The inverse of {@link SearchSpace#fromUnitCube}, for charts and importance.
 */
final class UnitCoordinates {
  private final SearchSpace space;

  UnitCoordinates(List<SearchParam> params) {
    this.space = SearchSpace.of(params);
  }

  /** The coordinate of a value of the named parameter; NaN when the value is missing or not of the parameter. */
  double of(String name, Object value) {
    if (value == null) {
      return Double.NaN;
    }
    SearchParam param = space.param(name);
    if (param.getType() == ParamType.CATEGORICAL) {
      List<String> choices = param.getChoices();
      int index = choices.indexOf(value.toString());
      return index < 0 ? Double.NaN : (index + 0.5) / choices.size();
    }
    if (!(value instanceof Number number)) {
      return Double.NaN;
    }
    NumericScale scale = space.scale(name);
    double u = (scale.toCoordinate(number.doubleValue()) - scale.low()) / (scale.high() - scale.low());
    return Math.min(1, Math.max(0, u));
  }

  /** A configuration's coordinates in space order. */
  double[] of(Map<String, Object> params) {
    List<String> names = space.names();
    double[] point = new double[names.size()];
    for (int i = 0; i < point.length; i++) {
      point[i] = of(names.get(i), params.get(names.get(i)));
    }
    return point;
  }
}

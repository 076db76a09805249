package dev.llmhpo.space;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;

/**
 * The coordinate on which samplers work for a numeric parameter: log(value) for log-scale parameters, the value
 * itself otherwise. An int's coordinate range is widened by half a step on each side so that rounding gives every
 * integer, the end points included, an equal share of it.
 */
public final class NumericScale {
  private final boolean integer;
  private final boolean log;
  private final double low;
  private final double high;

  private NumericScale(SearchParam param) {
    if (param.getType() == ParamType.CATEGORICAL) {
      throw new IllegalArgumentException("parameter '" + param.getName() + "' is categorical, not numeric");
    }
    this.integer = param.getType() == ParamType.INT;
    this.log = param.getLog();
    this.low = param.getLow();
    this.high = param.getHigh();
  }

  static NumericScale of(SearchParam param) {
    return new NumericScale(param);
  }

  public boolean isInteger() {
    return integer;
  }

  /** The lowest coordinate. */
  public double low() {
    return toCoordinate(integer ? low - 0.5 : low);
  }

  /** The highest coordinate. */
  public double high() {
    return toCoordinate(integer ? high + 0.5 : high);
  }

  /** The coordinate of a parameter value (a Double, a Long or any number). */
  public double toCoordinate(double value) {
    return log ? Math.log(value) : value;
  }

  /** The parameter value at a coordinate: a Double, or for ints the nearest Long; always inside the bounds. */
  public Object fromCoordinate(double coordinate) {
    double value = Math.min(Math.max(log ? Math.exp(coordinate) : coordinate, low), high);
    return integer ? (Object) Math.round(value) : (Object) value;
  }

  /** For an int value, the coordinates {from, to} that {@link #fromCoordinate} maps onto it. */
  public double[] cell(long value) {
    return new double[] {
      Math.max(toCoordinate(value - 0.5), low()), Math.min(toCoordinate(value + 0.5), high())
    };
  }
}

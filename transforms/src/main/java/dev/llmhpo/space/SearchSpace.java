package dev.llmhpo.space;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a study tunes, in a fixed order. Immutable and serialisable.
 *
 * <p>A configuration is a map from parameter name to value; values are Double for float, Long for int and String for
 * categorical parameters everywhere in this API.
 */
public final class SearchSpace implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final MathContext KEY_PRECISION = new MathContext(10, RoundingMode.HALF_EVEN);

  /** Validated copies, never handed out: Avro records are mutable. */
  private final LinkedHashMap<String, SearchParam> params;

  private SearchSpace(LinkedHashMap<String, SearchParam> params) {
    this.params = params;
  }

  /** A space of the given parameters, in that order; IllegalArgumentException naming the parameter at fault. */
  public static SearchSpace of(List<SearchParam> params) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one parameter");
    }
    LinkedHashMap<String, SearchParam> byName = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      SearchParam param = ParamValidation.validated(params.get(i), i + 1);
      if (byName.put(param.getName(), param) != null) {
        throw new IllegalArgumentException("duplicate parameter '" + param.getName() + "'");
      }
    }
    return new SearchSpace(byName);
  }

  /** The XGBoost parameters worth tuning on tabular data, with XGBoost's own defaults. */
  public static SearchSpace xgboostDefault() {
    return of(XgboostDefaultSpace.params());
  }

  /**
   * A space read from a JSON file such as
   * {@code {"params":[{"name":"eta","type":"float","low":0.01,"high":0.3,"log":true,"default":0.1}]}}; types are
   * float, int and categorical (with "choices"). Bad input gives an IllegalArgumentException naming the file and
   * the parameter or field.
   */
  public static SearchSpace fromJson(Path file) {
    return SearchSpaceJson.read(file);
  }

  /** Copies of the parameters, in space order. */
  public List<SearchParam> params() {
    List<SearchParam> copies = new ArrayList<>();
    params.values().forEach(p -> copies.add(SearchParam.newBuilder(p).build()));
    return Collections.unmodifiableList(copies);
  }

  /** A copy of the named parameter; IllegalArgumentException when the space has none of that name. */
  public SearchParam param(String name) {
    return SearchParam.newBuilder(get(name)).build();
  }

  /** The parameter names, in space order. */
  public List<String> names() {
    return List.copyOf(params.keySet());
  }

  /** The sampling coordinate of a numeric parameter; IllegalArgumentException for a categorical or unknown one. */
  public NumericScale scale(String name) {
    return NumericScale.of(get(name));
  }

  /**
   * Each parameter's default; where none is given, the middle of the range (geometric middle for log scale, rounded
   * for ints) or the first choice.
   */
  public Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (SearchParam param : params.values()) {
      defaults.put(param.getName(), defaultOf(param));
    }
    return defaults;
  }

  /** The value made into a value of the named parameter; {@link InvalidConfigException} when it cannot be. */
  public Object coerce(String name, Object raw, OutOfRange policy) {
    SearchParam param = params.get(name);
    if (param == null) {
      throw new InvalidConfigException(name, "unknown parameter; the space has " + params.keySet());
    }
    return ValueCoercer.coerce(param, raw, policy);
  }

  /**
   * A full configuration of this space, in space order, made from loosely typed values: each value coerced (a
   * numeric string parsed, an int rounded, a categorical matched ignoring case), keys the space lacks dropped, and
   * missing or null values filled from {@link #defaults()}. Values outside the bounds are clipped or rejected as the
   * policy says; a categorical value that is not a choice is always rejected with {@link InvalidConfigException}.
   */
  public Map<String, Object> coerce(Map<String, ?> raw, OutOfRange policy) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (SearchParam param : params.values()) {
      Object value = raw.get(param.getName());
      config.put(param.getName(), value == null ? defaultOf(param) : ValueCoercer.coerce(param, value, policy));
    }
    return config;
  }

  /**
   * Whether the map is a configuration of this space: exactly its parameters, each of its Java type (Double, Long,
   * String) and inside the bounds or choices.
   */
  public boolean contains(Map<String, Object> config) {
    if (config.size() != params.size()) {
      return false;
    }
    for (SearchParam param : params.values()) {
      if (!ValueCoercer.isValid(param, config.get(param.getName()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A stable key for telling configurations apart: a JSON object of the parameters in space order, floats rounded
   * to 10 significant digits, ints as integers. Values are coerced by type but not checked against the bounds, so
   * configurations from older runs still get a key; missing values take the default and unknown keys are ignored.
   */
  public String canonicalKey(Map<String, Object> config) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    for (SearchParam param : params.values()) {
      Object raw = config.get(param.getName());
      Object value = raw == null ? defaultOf(param) : ValueCoercer.typed(param, raw);
      switch (param.getType()) {
        case FLOAT -> key.put(param.getName(), roundedForKey((Double) value));
        case INT -> key.put(param.getName(), (Long) value);
        case CATEGORICAL -> key.put(param.getName(), (String) value);
      }
    }
    return key.toString();
  }

  /**
   * The configuration as XGBoost parameters: ints as Integer, floats as Double, categoricals as String. The
   * configuration must be inside the space ({@link InvalidConfigException} otherwise); missing values take the
   * default.
   */
  public Map<String, Object> toXgboostParams(Map<String, Object> config) {
    Map<String, Object> xgboost = new LinkedHashMap<>();
    coerce(config, OutOfRange.REJECT)
        .forEach((name, value) -> xgboost.put(name, value instanceof Long v ? (Object) Math.toIntExact(v) : value));
    return xgboost;
  }

  /**
   * The configuration at a point of the unit cube, one coordinate in [0, 1) per parameter in space order: uniform
   * maps to uniform, log-uniform, uniform over the integers or uniform over the choices.
   */
  public Map<String, Object> fromUnitCube(double[] point) {
    if (point.length != params.size()) {
      throw new IllegalArgumentException(
          "the space has " + params.size() + " parameters, the point " + point.length + " coordinates");
    }
    Map<String, Object> config = new LinkedHashMap<>();
    int i = 0;
    for (SearchParam param : params.values()) {
      double u = point[i++];
      if (param.getType() == ParamType.CATEGORICAL) {
        List<String> choices = param.getChoices();
        config.put(param.getName(), choices.get(Math.min((int) (u * choices.size()), choices.size() - 1)));
      } else {
        NumericScale scale = NumericScale.of(param);
        config.put(param.getName(), scale.fromCoordinate(scale.low() + u * (scale.high() - scale.low())));
      }
    }
    return config;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SearchSpace space && params.equals(space.params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "SearchSpace" + params.values();
  }

  private SearchParam get(String name) {
    SearchParam param = params.get(name);
    if (param == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; the space has " + params.keySet());
    }
    return param;
  }

  private static Object defaultOf(SearchParam param) {
    Object given = param.getDefaultValue();
    return switch (param.getType()) {
      case CATEGORICAL -> given != null ? given : param.getChoices().get(0);
      case FLOAT -> given != null ? given : middle(param);
      case INT -> Math.round(given != null ? (Double) given : middle(param));
    };
  }

  private static double middle(SearchParam param) {
    double low = param.getLow();
    double high = param.getHigh();
    return param.getLog() ? Math.sqrt(low * high) : (low + high) / 2;
  }

  private static BigDecimal roundedForKey(double value) {
    return new BigDecimal(value).round(KEY_PRECISION).stripTrailingZeros();
  }
}

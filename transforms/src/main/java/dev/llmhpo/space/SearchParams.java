package dev.llmhpo.space;

import dev.llmhpo.schema.ParamType;
import dev.llmhpo.schema.SearchParam;
import java.util.List;

/** Short ways to build {@link SearchParam}s; pass {@code null} as the default to let the space derive one. */
public final class SearchParams {
  private SearchParams() {}

  public static SearchParam floatParam(String name, double low, double high, boolean log, Double defaultValue) {
    return numeric(name, ParamType.FLOAT, low, high, log, defaultValue);
  }

  public static SearchParam intParam(String name, long low, long high, boolean log, Long defaultValue) {
    return numeric(name, ParamType.INT, low, high, log, defaultValue == null ? null : defaultValue.doubleValue());
  }

  public static SearchParam categorical(String name, List<String> choices, String defaultValue) {
    return SearchParam.newBuilder()
        .setName(name)
        .setType(ParamType.CATEGORICAL)
        .setChoices(List.copyOf(choices))
        .setDefaultValue(defaultValue)
        .build();
  }

  private static SearchParam numeric(
      String name, ParamType type, double low, double high, boolean log, Double defaultValue) {
    return SearchParam.newBuilder()
        .setName(name)
        .setType(type)
        .setLow(low)
        .setHigh(high)
        .setLog(log)
        .setChoices(List.of())
        .setDefaultValue(defaultValue)
        .build();
  }
}

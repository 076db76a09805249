package dev.llmhpo.pipelines;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Option names and types as Beam derives them from getters: {@code getTrialsPerRound()} is {@code --trialsPerRound}. */
final class OptionNames {
  private OptionNames() {}

  /** The option a getter declares, or null when the method is no getter. */
  static String property(Method method) {
    if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
      return null;
    }
    String name = method.getName();
    int prefix = name.startsWith("get") ? 3 : name.startsWith("is") && method.getReturnType() == boolean.class ? 2 : 0;
    if (prefix == 0 || name.length() == prefix) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  /** Every option of every registered options interface (Beam's, the runners', the commands'), with its getter. */
  static Map<String, Method> known() {
    Map<String, Method> known = new HashMap<>();
    for (Class<? extends PipelineOptions> options : PipelineOptionsFactory.getRegisteredOptions()) {
      for (Method m : options.getMethods()) {
        String property = property(m);
        if (property != null && m.getDeclaringClass() != Object.class) {
          known.putIfAbsent(property, m);
        }
      }
    }
    return known;
  }
}

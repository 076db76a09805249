package dev.llmhpo.pipelines;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * A command's {@code --help}: each of its options with the value it takes when not given (computed, so factory
 * defaults such as {@code --cacheDir} show their real value) and its description.
 */
final class OptionsHelp {
  private OptionsHelp() {}

  static void print(PrintStream out, String command, Class<? extends PipelineOptions> options, String footer) {
    PipelineOptions defaults = PipelineOptionsFactory.create().as(options);
    out.println("usage: java -jar llm-hpo.jar " + command + " [--option=value ...]");
    out.println();
    for (Method getter : getters(options)) {
      String name = OptionNames.property(getter);
      Object value = defaultOf(defaults, getter);
      Description description = getter.getAnnotation(Description.class);
      // An option without a fixed default whose description says what it defaults to (--metric: by task).
      boolean described = description != null && description.value().contains("default");
      String shown = value != null ? value.toString() : described ? "see below" : "none";
      out.println("  --" + name + "=<" + getter.getReturnType().getSimpleName() + ">   default: " + shown);
      if (description != null) {
        out.println("      " + description.value());
      }
    }
    if (footer != null) {
      out.println();
      out.println(footer);
    }
  }

  /** The command's own options (those of its interface and its non-Beam parents, such as the LLM options), by name. */
  static List<Method> getters(Class<? extends PipelineOptions> options) {
    return Arrays.stream(options.getMethods())
        .filter(m -> !m.getDeclaringClass().getName().startsWith("org.apache.beam."))
        .filter(m -> OptionNames.property(m) != null && !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(OptionNames::property))
        .toList();
  }

  private static Object defaultOf(PipelineOptions defaults, Method getter) {
    try {
      return getter.invoke(defaults);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}

package dev.llmhpo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.XGBoost;

/** One line on where a benchmark ran: date, cores, memory, GPUs, Java and XGBoost4J versions. */
public final class MachineInfo {
  private MachineInfo() {}

  public static String describe() {
    return String.format(
        Locale.ROOT,
        "%s · %d cores · %s memory · GPU: %s · Java %s · XGBoost4J %s",
        ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
        Runtime.getRuntime().availableProcessors(),
        memory(),
        gpus(),
        System.getProperty("java.version"),
        xgboostVersion());
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return "unknown";
  }

  /** The NVIDIA driver's model names, or "none". */
  private static String gpus() {
    List<String> models = new ArrayList<>();
    Path dir = Path.of("/proc/driver/nvidia/gpus");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> gpus = Files.list(dir)) {
        for (Path gpu : gpus.sorted().toList()) {
          for (String line : Files.readAllLines(gpu.resolve("information"))) {
            if (line.startsWith("Model:")) {
              models.add(line.substring("Model:".length()).strip());
            }
          }
        }
      } catch (IOException e) {
        models.add("unreadable");
      }
    }
    return models.isEmpty() ? "none" : String.join(", ", models);
  }

  private static String xgboostVersion() {
    try (InputStream in = XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }
}

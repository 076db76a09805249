package dev.llmhpo.pipelines;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.client.program.ContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.TaskManagerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a study's job runs, and the defaults that follow from it.
 *
 * <ul>
 *   <li>Embedded Flink ({@code [local]}, the default): one worker per core.
 *   <li>A running session cluster ({@code --flinkMaster=host:port}): parallelism and XGBoost threads per trial from
 *       the cluster's configuration ({@code --flinkConfDir} or {@code FLINK_CONF_DIR}), and only this jar staged.
 *   <li>{@code flink run ... llm-hpo.jar tune ...}: the Flink CLI's context decides the cluster and parallelism.
 * </ul>
 *
 * <p>The slot keys that spread trials over workers are computed on the launcher, so the parallelism must be known
 * here rather than left to the cluster.
 */
final class FlinkTarget {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private static final String LOCAL = "[local]";
  private static final String AUTO = "[auto]";

  private FlinkTarget() {}

  static void applyDefaults(TuneOptions options, List<String> args) {
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    String master = flink.getFlinkMaster();
    boolean auto = master == null || master.equals(AUTO);
    if (auto && underFlinkCli()) {
      if (flink.getParallelism() <= 0) {
        flink.setParallelism(Math.max(1, ExecutionEnvironment.getExecutionEnvironment().getParallelism()));
      }
      clusterDefaults(options, clusterConfiguration(flink.getFlinkConfDir()));
    } else if (auto || master.equals(LOCAL)) {
      flink.setFlinkMaster(LOCAL);
      if (flink.getParallelism() <= 0) {
        flink.setParallelism(Runtime.getRuntime().availableProcessors());
      }
    } else if (!master.startsWith("[")) {
      Configuration cluster = clusterConfiguration(flink.getFlinkConfDir());
      if (flink.getParallelism() <= 0) {
        if (!cluster.contains(CoreOptions.DEFAULT_PARALLELISM)) {
          LOG.warn("no --parallelism and no parallelism.default in a --flinkConfDir or FLINK_CONF_DIR: using 1");
        }
        flink.setParallelism(Math.max(1, cluster.get(CoreOptions.DEFAULT_PARALLELISM)));
      }
      clusterDefaults(options, cluster);
    }
    if (args.stream().noneMatch(a -> a.startsWith("--jobName="))) {
      options.setJobName("llm-hpo-" + Study.studyId(options));
    }
  }

  /** XGBoost threads per trial from the TaskManagers' cores per slot, and only this jar staged. */
  private static void clusterDefaults(TuneOptions options, Configuration cluster) {
    if (options.getThreadsPerTrial() == 0 && cluster.contains(TaskManagerOptions.CPU_CORES)) {
      double cores = cluster.get(TaskManagerOptions.CPU_CORES);
      options.setThreadsPerTrial(Math.max(1, (int) (cores / cluster.get(TaskManagerOptions.NUM_TASK_SLOTS))));
    }
    stageOwnJar(options.as(FlinkPipelineOptions.class));
  }

  /** True on a cluster: a remote session cluster or the Flink CLI's. */
  static boolean isCluster(FlinkPipelineOptions flink) {
    String master = flink.getFlinkMaster();
    return !LOCAL.equals(master) && !"[collection]".equals(master);
  }

  /** True inside {@code flink run}, whose CLI installs a context environment for the user's main method. */
  static boolean underFlinkCli() {
    return ExecutionEnvironment.getExecutionEnvironment() instanceof ContextEnvironment;
  }

  /** The cluster's configuration as Flink reads it: config.yaml (or a legacy flink-conf.yaml) in the folder. */
  static Configuration clusterConfiguration(String confDir) {
    try {
      return confDir == null ? GlobalConfiguration.loadConfiguration() : GlobalConfiguration.loadConfiguration(confDir);
    } catch (IllegalConfigurationException e) {
      throw new IllegalArgumentException("--flinkConfDir=" + confDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stages just the shaded jar this code runs from, unless {@code --filesToStage} says otherwise: Beam would
   * otherwise stage every classpath entry it finds.
   */
  private static void stageOwnJar(FlinkPipelineOptions flink) {
    if (flink.getFilesToStage() != null) {
      return;
    }
    try {
      Path self = Path.of(FlinkTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
        flink.setFilesToStage(List.of(self.toString()));
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No jar to point at (classes run from a folder): Beam's own classpath detection stays in charge.
    }
  }
}

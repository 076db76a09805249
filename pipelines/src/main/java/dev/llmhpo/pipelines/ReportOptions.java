package dev.llmhpo.pipelines;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code report}, for its {@code --help}. */
public interface ReportOptions extends PipelineOptions {
  @Description("Output folder of a study (holding study.avro and trials/); its report.html is (re)written from them.")
  String getOutput();

  void setOutput(String value);
}

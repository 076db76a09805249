package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a Flink JobManager's REST API ({@code GET /jobs/overview}) whether a job of a given name is running. */
class FlinkJobs {
  private static final Logger LOG = LoggerFactory.getLogger("llm-hpo");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every state but the terminal ones (FINISHED, FAILED, CANCELED) and SUSPENDED: the job may still write. */
  private static final Set<String> ACTIVE =
      Set.of("INITIALIZING", "CREATED", "RUNNING", "FAILING", "CANCELLING", "RESTARTING", "RECONCILING");

  /**
   * The id of the active job called {@code jobName} on the JobManager at {@code restAddress} (host:port); empty
   * when there is none, or when the JobManager does not answer (a job cannot run without it), said in a warning.
   */
  Optional<String> runningJobId(String restAddress, String jobName) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + restAddress + "/jobs/overview")).timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warn("the JobManager at {} answered {} to /jobs/overview; its jobs are taken as ended", restAddress, response.statusCode());
        return Optional.empty();
      }
      for (JsonNode job : JSON.readTree(response.body()).path("jobs")) {
        if (job.path("name").asText().equals(jobName) && ACTIVE.contains(job.path("state").asText())) {
          return Optional.of(job.path("jid").asText());
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("the JobManager at {} did not answer ({}); its jobs are taken as ended", restAddress, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

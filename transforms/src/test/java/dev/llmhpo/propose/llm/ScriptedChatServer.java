package dev.llmhpo.propose.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A scripted chat server on 127.0.0.1: speaks the OpenAI chat-completions or the Ollama chat dialect, answers each
 * request with the next scripted step (or the standing step once the script runs out) and records every request,
 * and every client that hung up before its answer was sent.
 */
final class ScriptedChatServer implements AutoCloseable {
  static final int PROMPT_TOKENS = 100;
  static final int COMPLETION_TOKENS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DRIP_INTERVAL = Duration.ofMillis(200);

  enum Dialect {
    OPENAI("/v1/chat/completions"),
    OLLAMA("/api/chat");

    final String path;

    Dialect(String path) {
      this.path = path;
    }
  }

  /**
   * One scripted reply: {@code delay} before the headers; then, for {@code drip}, one space of the body every 200 ms
   * (JSON readers skip them) before the body itself.
   */
  record Step(int status, Map<String, String> headers, String body, Duration delay, Duration drip) {
    Step(int status, Map<String, String> headers, String body, Duration delay) {
      this(status, headers, body, delay, Duration.ZERO);
    }
  }

  /** One request as the server saw it. */
  record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Dialect dialect;
  private final HttpServer server;
  private final Deque<Step> script = new ArrayDeque<>();
  private final List<Recorded> requests = new ArrayList<>();
  private final Semaphore hangUps = new Semaphore(0);
  private Step standing;

  private ScriptedChatServer(Dialect dialect) throws IOException {
    this.dialect = dialect;
    this.standing = new Step(500, Map.of(), "{\"error\":\"the script ran out\"}", Duration.ZERO);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  static ScriptedChatServer openAi() throws IOException {
    return new ScriptedChatServer(Dialect.OPENAI);
  }

  static ScriptedChatServer ollama() throws IOException {
    return new ScriptedChatServer(Dialect.OLLAMA);
  }

  /** The base URL a LangChain4j client of this dialect is given. */
  String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return dialect == Dialect.OPENAI ? root + "/v1" : root;
  }

  /** A 200 reply whose assistant message is {@code content}. */
  synchronized ScriptedChatServer answer(String content) {
    return then(new Step(200, Map.of("Content-Type", "application/json"), chatBody(content), Duration.ZERO));
  }

  /** A 200 reply that comes only after {@code delay}. */
  synchronized ScriptedChatServer slowAnswer(Duration delay, String content) {
    return then(new Step(200, Map.of("Content-Type", "application/json"), chatBody(content), delay));
  }

  /**
   * A 200 reply whose headers come at once and whose body trickles: one byte every 200 ms for {@code drip}, then
   * the whole answer.
   */
  synchronized ScriptedChatServer dripAnswer(Duration drip, String content) {
    return then(new Step(200, Map.of("Content-Type", "application/json"), chatBody(content), Duration.ZERO, drip));
  }

  /** A 200 reply whose body is {@code body} as it is: no chat response around it. */
  synchronized ScriptedChatServer rawOk(String contentType, String body) {
    return then(new Step(200, Map.of("Content-Type", contentType), body, Duration.ZERO));
  }

  synchronized ScriptedChatServer fail(int status, Map<String, String> headers, String body) {
    return then(new Step(status, headers, body, Duration.ZERO));
  }

  /** What every request gets once the script has run out. */
  synchronized ScriptedChatServer always(int status, String body) {
    return always(new Step(status, Map.of(), body, Duration.ZERO));
  }

  /** Every request, once the script has run out, gets a 200 answer after {@code delay}. */
  synchronized ScriptedChatServer alwaysSlow(Duration delay, String content) {
    return always(new Step(200, Map.of("Content-Type", "application/json"), chatBody(content), delay));
  }

  /** Every request, once the script has run out, gets {@code body} as a 200 reply, without a chat response. */
  synchronized ScriptedChatServer alwaysRawOk(String contentType, String body) {
    return always(new Step(200, Map.of("Content-Type", contentType), body, Duration.ZERO));
  }

  private ScriptedChatServer always(Step step) {
    standing = step;
    return this;
  }

  synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Whether a client hung up before its answer was sent, within {@code wait}; each hang-up is counted once. */
  boolean awaitHangUp(Duration wait) throws InterruptedException {
    return hangUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private ScriptedChatServer then(Step step) {
    script.add(step);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Step step;
    synchronized (this) {
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      boolean known = exchange.getRequestURI().getPath().equals(dialect.path);
      step = !known ? new Step(404, Map.of(), "{\"error\":\"no such path\"}", Duration.ZERO)
          : script.isEmpty() ? standing : script.poll();
    }
    try {
      Thread.sleep(step.delay().toMillis());
      byte[] body = step.body().getBytes(StandardCharsets.UTF_8);
      step.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      try (OutputStream out = exchange.getResponseBody()) {
        boolean dripping = !step.drip().isZero();
        exchange.sendResponseHeaders(step.status(), dripping ? 0 : body.length == 0 ? -1 : body.length);
        for (long end = System.nanoTime() + step.drip().toNanos(); dripping && System.nanoTime() < end; ) {
          out.write(' ');
          out.flush();
          Thread.sleep(DRIP_INTERVAL.toMillis());
        }
        out.write(body);
      }
    } catch (IOException clientGone) {
      // The client gave up (a timeout case); nothing to answer to.
      hangUps.release();
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
    }
  }

  private String chatBody(String content) {
    ObjectNode body = JSON.createObjectNode();
    if (dialect == Dialect.OPENAI) {
      body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 0).put("model", "scripted");
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", content);
      body.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
          .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    } else {
      body.put("model", "scripted").put("created_at", "2025-01-01T00:00:00Z").put("done", true)
          .put("done_reason", "stop").put("prompt_eval_count", PROMPT_TOKENS).put("eval_count", COMPLETION_TOKENS);
      body.putObject("message").put("role", "assistant").put("content", content);
    }
    return body.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

package dev.llmhpo.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 for pipeline tests: it plays a script of replies, one
 * per request, and records every request with its Authorization header. Not a language model: the replies are
 * written by the test.
 */
final class ScriptedChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ASKED = Pattern.compile("Propose exactly (\\d+) new configurations");

  /** What one request got: an HTTP status and, for 200, the assistant message built from the prompt. */
  record Reply(int status, Function<String, String> content) {}

  /** One request as the server saw it. */
  record Request(String authorization, JsonNode body) {
    String prompt() {
      return body.at("/messages/1/content").asText();
    }
  }

  private final HttpServer server;
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new ArrayList<>();

  ScriptedChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  ScriptedChatServer then(Reply reply) {
    script.add(reply);
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** A reply whose JSON holds as many in-space configurations as the prompt asks for, wrapped by {@code wrap}. */
  static Reply configs(long seed, Function<String, String> wrap) {
    return new Reply(200, prompt -> wrap.apply(answer(asked(prompt), new Random(seed))));
  }

  static Reply text(String content) {
    return new Reply(200, prompt -> content);
  }

  static Reply status(int status) {
    return new Reply(status, prompt -> "");
  }

  private static int asked(String prompt) {
    Matcher m = ASKED.matcher(prompt);
    if (!m.find()) {
      throw new IllegalStateException("the prompt does not say how many configurations it wants");
    }
    return Integer.parseInt(m.group(1));
  }

  private static String answer(int n, Random random) {
    ObjectNode root = JSON.createObjectNode();
    root.put("analysis", "Deeper trees with a small learning rate look promising.");
    ArrayNode configs = root.putArray("configs");
    for (int i = 0; i < n; i++) {
      ObjectNode item = configs.addObject();
      ObjectNode params = item.putObject("params");
      params.put("eta", 0.01 + 0.2 * random.nextDouble());
      params.put("max_depth", String.valueOf(3 + random.nextInt(8))); // a string, as models sometimes answer
      params.put("min_child_weight", 0.5 + 5 * random.nextDouble());
      params.put("subsample", 0.6 + 0.4 * random.nextDouble());
      params.put("colsample_bytree", 0.5 + 0.5 * random.nextDouble());
      params.put("lambda", 0.1 + 10 * random.nextDouble());
      params.put("alpha", 0.01 + random.nextDouble());
      params.put("gamma", 0.01 + random.nextDouble());
      params.put("max_bin", 128 + random.nextInt(300));
      if (i == 0) {
        params.put("eta", 5.0); // out of range: the guard clips it
      }
      item.put("rationale", "Configuration " + (i + 1) + " explores a new region.");
    }
    return root.toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Request request = new Request(exchange.getRequestHeaders().getFirst("Authorization"), body);
    synchronized (this) {
      requests.add(request);
    }
    Reply reply = script.poll();
    if (reply == null) {
      reply = status(500);
    }
    byte[] out;
    if (reply.status() == 200) {
      ObjectNode completion = JSON.createObjectNode();
      completion.put("id", "chatcmpl-" + requests.size());
      completion.put("object", "chat.completion");
      completion.put("created", 0);
      completion.put("model", body.path("model").asText());
      ObjectNode choice = completion.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", reply.content().apply(request.prompt()));
      choice.put("finish_reason", "stop");
      completion.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 200).put("total_tokens", 1200);
      out = completion.toString().getBytes(StandardCharsets.UTF_8);
    } else {
      out = "{\"error\":{\"message\":\"scripted failure\"}}".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

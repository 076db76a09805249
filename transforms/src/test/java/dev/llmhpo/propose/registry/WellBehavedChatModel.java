package dev.llmhpo.propose.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat model that answers as a careful one would: as many configurations as the last question asks for, each
 * value drawn at random inside what the request's JSON schema allows (the listed choices, or the bounds its
 * description states). Like a sampling model it answers every call afresh; the response cache is what makes an LLM
 * proposer answer a repeated request the same way.
 */
final class WellBehavedChatModel implements ChatModel {
  private static final Pattern COUNT = Pattern.compile("exactly (\\d+) (?:new|NEW) configuration");
  private static final Pattern BOUNDS = Pattern.compile("from (\\S+) to ([^,\\s]+)(, log scale)?");
  private static final AtomicLong CALLS = new AtomicLong();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ChatResponse doChat(ChatRequest request) {
    SplittableRandom random = new SplittableRandom(CALLS.incrementAndGet());
    JsonObjectSchema params = paramsSchema(request);
    ObjectNode answer = JSON.createObjectNode().put("analysis", "Random draws inside the bounds.");
    ArrayNode configs = answer.putArray("configs");
    for (int i = count(request.messages()); i > 0; i--) {
      ObjectNode config = configs.addObject();
      ObjectNode values = config.putObject("params");
      params.properties().forEach((name, schema) -> put(values, name, schema, random));
      config.put("rationale", "A random draw inside the bounds.");
    }
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer.toString()))
        .tokenUsage(new TokenUsage(100, 20))
        .build();
  }

  /** {"configs": [{"params": {...}}]}: the schema of one configuration's parameters. */
  private static JsonObjectSchema paramsSchema(ChatRequest request) {
    JsonObjectSchema root = (JsonObjectSchema) request.responseFormat().jsonSchema().rootElement();
    JsonObjectSchema config = (JsonObjectSchema) ((JsonArraySchema) root.properties().get("configs")).items();
    return (JsonObjectSchema) config.properties().get("params");
  }

  private static int count(List<ChatMessage> messages) {
    UserMessage last = (UserMessage) messages.get(messages.size() - 1);
    Matcher m = COUNT.matcher(last.singleText());
    if (!m.find()) {
      throw new IllegalStateException("the question asks for no number of configurations");
    }
    return Integer.parseInt(m.group(1));
  }

  private static void put(ObjectNode values, String name, JsonSchemaElement schema, SplittableRandom random) {
    if (schema instanceof JsonEnumSchema choices) {
      values.put(name, choices.enumValues().get(random.nextInt(choices.enumValues().size())));
      return;
    }
    Matcher bounds = BOUNDS.matcher(schema.description());
    if (!bounds.find()) {
      throw new IllegalStateException(name + "'s schema states no bounds: " + schema.description());
    }
    double low = Double.parseDouble(bounds.group(1));
    double high = Double.parseDouble(bounds.group(2));
    double value = bounds.group(3) != null
        ? Math.exp(random.nextDouble(Math.log(low), Math.nextUp(Math.log(high))))
        : random.nextDouble(low, Math.nextUp(high));
    if (schema instanceof JsonIntegerSchema) {
      values.put(name, Math.min((long) high, Math.round(value)));
    } else {
      values.put(name, Math.min(high, value));
    }
  }
}

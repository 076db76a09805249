package dev.llmhpo.propose.llm.guard;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.llmhpo.propose.llm.text.CompactNumber;
import dev.llmhpo.schema.SearchParam;
import dev.llmhpo.space.SearchSpace;
import java.util.List;

/**
 * The answer's JSON shape, {@code {"analysis": ..., "configs": [{"params": {...}, "rationale": ...}]}}, as the
 * response format requested from the endpoint.
 */
public final class AnswerFormat {
  public static final String SHAPE = "{\"analysis\": \"<what the history shows, at most three sentences>\", "
      + "\"configs\": [{\"params\": {<every parameter of the search space>}, \"rationale\": \"<one sentence>\"}]}";

  private AnswerFormat() {}

  public static ResponseFormat of(AnswerSettings.OutputFormat format, SearchSpace space) {
    return switch (format) {
      case JSON_MODE -> ResponseFormat.JSON;
      case JSON_SCHEMA -> ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(JsonSchema.builder().name("proposals").rootElement(answerSchema(space)).build())
          .build();
    };
  }

  private static JsonObjectSchema answerSchema(SearchSpace space) {
    JsonObjectSchema.Builder params = JsonObjectSchema.builder().additionalProperties(false);
    for (SearchParam p : space.params()) {
      params.addProperty(p.getName(), paramSchema(p));
    }
    params.required(space.params().stream().map(SearchParam::getName).toList());
    JsonObjectSchema config = JsonObjectSchema.builder()
        .addProperty("params", params.build())
        .addStringProperty("rationale", "one sentence: why this configuration")
        .required("params", "rationale")
        .additionalProperties(false)
        .build();
    return JsonObjectSchema.builder()
        .addStringProperty("analysis", "what the history shows, at most three sentences")
        .addProperty("configs", JsonArraySchema.builder().items(config).build())
        .required("analysis", "configs")
        .additionalProperties(false)
        .build();
  }

  // The schema types carry no bounds in LangChain4j 1.18, so the bounds go into the description.
  private static JsonSchemaElement paramSchema(SearchParam p) {
    return switch (p.getType()) {
      case CATEGORICAL -> JsonEnumSchema.builder().enumValues(List.copyOf(p.getChoices())).build();
      case INT -> JsonIntegerSchema.builder().description(bounds(p)).build();
      case FLOAT -> JsonNumberSchema.builder().description(bounds(p)).build();
    };
  }

  private static String bounds(SearchParam p) {
    return "from " + CompactNumber.format(p.getLow()) + " to " + CompactNumber.format(p.getHigh())
        + (p.getLog() ? ", log scale" : "");
  }
}

package dev.hugginggpt.gateway.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What the annotations cannot say, so that the document is true to the wire: where the API is, every status each
 * operation answers (401 on all of them: every call needs a key; 413, 415, 429 with Retry-After and 503 on the ones that
 * take a JSON body and submit a request), the error body in the shape its path uses, Location on 201 and 202, an event
 * stream as text (each event's data schema named in {@code x-event-data}), and the few JSON values that can be null.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setServers(List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("The gateway as deploy/local/up.sh starts it; point a client at its own gateway's URL.")));
        api.getComponents().addResponse("Unauthorized", error("No API key, or an unknown one.", false))
                .addResponse("OpenAiUnauthorized", error("No API key, or an unknown one.", true));
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            boolean openAi = path.getKey().startsWith("/v1/chat/completions") || path.getKey().startsWith("/v1/models");
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (path.getKey().startsWith("/v1/")) {
                    describe(operation.getKey(), operation.getValue(), openAi,
                            path.getKey().endsWith("/events") ? "RequestEvent" : "ChatCompletionChunk");
                }
            }
        }
        nullable(api, "ChatCompletionChunkChoice", "finish_reason");
        nullable(api, "OpenAiErrorBody", "param");
        nullable(api, "OpenAiErrorBody", "code");
        // a string or an array (of parts, of stop sequences) as one schema of several types rather than a oneOf, which
        // generated clients in typed languages cannot all build (openapi-generator's Java client does not compile one)
        oneOfStringOrArray(api.getComponents().getSchemas().get("ChatCompletionRequestMessage").getProperties().get("content"), true);
        oneOfStringOrArray(api.getComponents().getSchemas().get("ChatCompletionRequest").getProperties().get("stop"), false);
    }

    private void describe(PathItem.HttpMethod method, Operation operation, boolean openAi, String eventData) {
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(openAi ? "OpenAiUnauthorized" : "Unauthorized"));
        boolean takesJson = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType(JSON);
        boolean takesFile = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("multipart/form-data");
        if (takesJson) {
            putIfAbsent(responses, "400", error("Invalid JSON, shape or values; the detail says what to fix.", openAi));
            putIfAbsent(responses, "413", error("The body is over its limit (HG_MAX_JSON_BYTES), or the conversation over what is passed on.", openAi));
            putIfAbsent(responses, "415", error("Not a JSON body (Content-Type: application/json).", openAi));
            APIResponse tooMany = error("The tenant is over its request rate or its number of unfinished requests.", openAi);
            tooMany.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            putIfAbsent(responses, "429", tooMany);
            putIfAbsent(responses, "503", error("The request could not be handed to the planner (Kafka unreachable); try again.", openAi));
        }
        if (takesFile) {
            putIfAbsent(responses, "413", error("The file is over HG_MAX_UPLOAD_BYTES.", false));
            putIfAbsent(responses, "415", error("A type no task takes (not an image, audio, video or plain text file).", false));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            APIResponse r = response.getValue();
            if (response.getKey().startsWith("4") && r.getRef() == null && (r.getContent() == null || r.getContent().getMediaTypes().isEmpty())) {
                r.setContent(errorContent(openAi));
            }
            if ((response.getKey().equals("201") || response.getKey().equals("202")) && r.getRef() == null) {
                r.addHeader("Location", OASFactory.createHeader().description(response.getKey().equals("201")
                        ? "Where the stored file is: /v1/resources/{id}." : "Where the request is followed: /v1/requests/{id}.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if (r.getContent() != null && r.getContent().hasMediaType(EVENT_STREAM)) {
                eventStream(r.getContent().getMediaType(EVENT_STREAM), eventData);
            }
        }
        if (method == PathItem.HttpMethod.POST && responses.hasAPIResponse("202")) {
            APIResponse accepted = responses.getAPIResponse("202");
            if (accepted.getContent() == null || accepted.getContent().getMediaTypes().isEmpty()) {
                accepted.setContent(OASFactory.createContent().addMediaType(JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("RequestView"))));
            }
        }
    }

    /** Server-Sent Events are text: a generated client reads them as such; x-event-data names each event's data schema. */
    private static void eventStream(MediaType events, String dataSchema) {
        String description = events.getSchema() != null && events.getSchema().getDescription() != null
                ? events.getSchema().getDescription()
                : "text/event-stream: each event's data is a " + dataSchema + " as JSON; the stream ends with `data: [DONE]`;"
                        + " `: keep-alive` comments while nothing happens.";
        events.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description));
        events.addExtension("x-event-data", Map.of("$ref", "#/components/schemas/" + dataSchema));
    }

    private static void putIfAbsent(APIResponses responses, String status, APIResponse response) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static APIResponse error(String description, boolean openAi) {
        return OASFactory.createAPIResponse().description(description).content(errorContent(openAi));
    }

    private static Content errorContent(boolean openAi) {
        return OASFactory.createContent().addMediaType(openAi ? JSON : PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(openAi ? "OpenAiError" : "Problem")));
    }

    private static void oneOfStringOrArray(Schema schema, boolean nullable) {
        Schema array = schema.getOneOf().stream().filter(one -> one.getType() != null && one.getType().contains(Schema.SchemaType.ARRAY))
                .findFirst().orElseThrow();
        schema.setOneOf(null);
        schema.setType(nullable ? List.of(Schema.SchemaType.STRING, Schema.SchemaType.ARRAY, Schema.SchemaType.NULL)
                : List.of(Schema.SchemaType.STRING, Schema.SchemaType.ARRAY));
        schema.setItems(array.getItems());
    }

    /** A property the wire may send as null: JSON Schema needs null among its types and, with an enum, among its values. */
    private static void nullable(OpenAPI api, String schemaName, String property) {
        Schema schema = api.getComponents().getSchemas().get(schemaName).getProperties().get(property);
        if (schema.getType() == null || !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
    }
}

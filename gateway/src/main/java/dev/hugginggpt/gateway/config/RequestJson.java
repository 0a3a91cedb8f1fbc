package dev.hugginggpt.gateway.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Type;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the API reads a request body ({@code @CustomDeserialization(RequestJson.class)} on the endpoint): strictly, so that
 * what the client meant is what runs (nothing after the JSON value, no number or boolean read as text, no text or
 * fraction read as a number), and within bounds checked while it is parsed (nesting depth, number of JSON tokens, string
 * length), so that a hostile body is refused before it is built. Only request bodies: the Kafka records and the LLM's
 * answers keep the application's object mapper.
 */
public class RequestJson implements BiFunction<ObjectMapper, Type, ObjectReader> {
    public static final int MAX_DEPTH = 64;
    /** A JSON token is a bracket, a name or a value: 100 messages with parts take a few thousand. */
    public static final long MAX_TOKENS = 100_000;

    private static volatile ObjectMapper strict;

    @Override
    public ObjectReader apply(ObjectMapper application, Type type) {
        ObjectMapper mapper = strict(application);
        return mapper.readerFor(mapper.constructType(type));
    }

    private static ObjectMapper strict(ObjectMapper application) {
        if (strict == null) {
            synchronized (RequestJson.class) {
                if (strict == null) {
                    strict = configure(application.copy());
                }
            }
        }
        return strict;
    }

    static ObjectMapper configure(ObjectMapper mapper) {
        long maxInlineFileBytes = ConfigProvider.getConfig().getOptionalValue("hg.gateway.max-inline-file-bytes", Long.class)
                .orElse(10L * 1024 * 1024);
        // A file inside a chat message is one base64 string.
        long base64Chars = (maxInlineFileBytes / 3 + 1) * 4 + 1024;
        int longest = (int) Math.min(Integer.MAX_VALUE, Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, base64Chars));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(longest)
                .maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}

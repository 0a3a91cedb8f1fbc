package dev.hugginggpt.gateway.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * What the gateway writes as JSON leaves out the fields it has no value for, rather than sending them as null: the
 * OpenAPI document's types stay true (a field is there with its type, or absent). A field that OpenAI's protocol sends as
 * null (finish_reason, an error's param) says so on itself. Readers of the Kafka records take an absent field as null.
 */
@Singleton
public class ApiJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}

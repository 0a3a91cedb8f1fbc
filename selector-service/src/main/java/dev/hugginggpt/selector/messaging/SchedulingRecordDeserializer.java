package dev.hugginggpt.selector.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.Topics;
import io.quarkus.arc.Arc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The selector's one consumer reads two topics, so that a request's plan and its tasks' results come to the same
 * instance: a {@link Plan} from hg.plans, or a {@link Cancel} (its {@link Topics#RECORD_TYPE} header says so, and it
 * comes after the request's plan, on the same partition), and a {@link TaskResult} from hg.task-results.
 */
public class SchedulingRecordDeserializer implements Deserializer<Object> {
    private final ObjectMapper mapper;

    /** With the application's object mapper (the Kafka client makes this one). */
    public SchedulingRecordDeserializer() {
        this(Arc.container().instance(ObjectMapper.class).get());
    }

    SchedulingRecordDeserializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers == null ? null : headers.lastHeader(Topics.RECORD_TYPE);
        if (type != null && topic.equals(Topics.PLANS.name())) {
            String name = type.value() == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
            if (!name.equals(Topics.PLAN_CANCELS.recordType())) {
                throw new SerializationException(topic + " carries plans and cancels, not '" + name + "'");
            }
            return read(data, Topics.PLAN_CANCELS.recordClass());
        }
        return deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (topic.equals(Topics.PLANS.name())) {
            return read(data, Topics.PLANS.recordClass());
        }
        if (topic.equals(Topics.TASK_RESULTS.name())) {
            return read(data, Topics.TASK_RESULTS.recordClass());
        }
        throw new SerializationException("the selector reads no records from " + topic);
    }

    private Object read(byte[] data, Class<?> type) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}

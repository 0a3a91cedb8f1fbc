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
        if (type != null && topic.equals(Topics.PLANS)) {
            String name = type.value() == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
            if (!name.equals(Cancel.RECORD_TYPE)) {
                throw new SerializationException("hg.plans carries plans and cancels, not '" + name + "'");
            }
            return read(data, Cancel.class);
        }
        return deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        Class<?> type = switch (topic) {
            case Topics.PLANS -> Plan.class;
            case Topics.TASK_RESULTS -> TaskResult.class;
            default -> throw new SerializationException("the selector reads no records from " + topic);
        };
        return read(data, type);
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

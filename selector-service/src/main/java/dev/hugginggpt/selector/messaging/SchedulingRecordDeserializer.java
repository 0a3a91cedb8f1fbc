package dev.hugginggpt.selector.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.Topics;
import io.quarkus.arc.Arc;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The selector's one consumer reads two topics, so that a request's plan and its tasks' results come to the same
 * instance: a {@link Plan} from hg.plans, a {@link TaskResult} from hg.task-results.
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
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Class<?> type = switch (topic) {
            case Topics.PLANS -> Plan.class;
            case Topics.TASK_RESULTS -> TaskResult.class;
            default -> throw new SerializationException("the selector reads no records from " + topic);
        };
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}

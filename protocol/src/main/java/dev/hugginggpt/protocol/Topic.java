package dev.hugginggpt.protocol;

/**
 * Records of one type on one Kafka topic: the topic's name, the class of its records and, on a topic that carries more
 * than one type, the {@link Topics#RECORD_TYPE} header that marks this one (null: none). {@link TopicWriter} sends a
 * {@code T} only to a {@code Topic<T>}, so a record cannot be written to a topic whose readers expect another type.
 */
public record Topic<T>(String name, Class<T> recordClass, String recordType) {
    public Topic(String name, Class<T> recordClass) {
        this(name, recordClass, null);
    }

    /** The topic's name, as Kafka and the logs know it. */
    @Override
    public String toString() {
        return name;
    }
}

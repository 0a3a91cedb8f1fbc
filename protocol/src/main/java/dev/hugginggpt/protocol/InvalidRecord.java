package dev.hugginggpt.protocol;

import java.util.List;

/**
 * A record a consumer cannot use. Thrown from a consumer method, it nacks the record: the record goes to
 * {@link Topics#DEAD_LETTERS} with this message as its reason, the consumer commits past it, and the gateway fails the
 * request the record's key names.
 */
public final class InvalidRecord extends RuntimeException {
    public InvalidRecord(String message) {
        super(message, null, false, false);
    }

    /** The record, when it can be used. */
    public static <T extends Checked> T require(T record, Topic<? super T> topic) {
        if (record == null) {
            throw new InvalidRecord("an empty " + topic.name() + " record");
        }
        List<String> problems = record.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRecord("an invalid " + topic.name() + " record: " + String.join("; ", problems));
        }
        return record;
    }
}

package dev.hugginggpt.protocol;

import java.util.List;

/**
 * A record read from a topic: it says what, if anything, makes it unusable. A consumer refuses such a record (see
 * {@link InvalidRecord}) instead of failing somewhere inside its work on a null.
 */
public interface Checked {
    /** What is wrong with this record, in words; empty when it can be used. */
    List<String> problems();
}

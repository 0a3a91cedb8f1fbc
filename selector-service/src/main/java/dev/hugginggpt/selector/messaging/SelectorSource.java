package dev.hugginggpt.selector.messaging;

import java.util.UUID;

/** The name this selector instance signs its events with. */
public final class SelectorSource {
    public static final String ID = "selector-" + UUID.randomUUID().toString().substring(0, 8);

    private SelectorSource() {
    }
}

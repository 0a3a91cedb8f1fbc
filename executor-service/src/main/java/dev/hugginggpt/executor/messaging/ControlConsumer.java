package dev.hugginggpt.executor.messaging;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * hg.controls, read by every executor (a consumer group of its own, from the latest record): a {@link Cancel} stops
 * the request's tasks running here and keeps its queued ones from starting. On the consumer's event loop, so that a
 * cancel never waits behind the busy worker threads it is meant to stop.
 */
@ApplicationScoped
public class ControlConsumer {
    private static final Logger LOG = Logger.getLogger(ControlConsumer.class);

    private final RunningTasks running;

    public ControlConsumer(RunningTasks running) {
        this.running = running;
    }

    @Incoming(Channels.CONTROLS)
    @NonBlocking
    public void onControl(Cancel cancel) {
        InvalidRecord.require(cancel, Topics.CONTROLS);
        int stopped = running.cancel(cancel.requestId());
        LOG.infof("request %s cancelled (%s): %d running task(s) stopped here", cancel.requestId(), cancel.reason(), stopped);
    }
}

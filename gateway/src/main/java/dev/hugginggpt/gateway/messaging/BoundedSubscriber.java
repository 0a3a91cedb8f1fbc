package dev.hugginggpt.gateway.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Handles up to {@code limit} messages of a channel at once without holding a thread for any of them: each is
 * acknowledged when its handling completes, in whatever order, and only then is one more asked for. (A consumer
 * method returning a Uni handles one message at a time; a blocking one holds a thread while it waits.)
 */
public final class BoundedSubscriber<T> implements Flow.Subscriber<Message<T>> {
    private static final Logger LOG = Logger.getLogger(BoundedSubscriber.class);

    private final String channel;
    private final int limit;
    private final Function<Message<T>, CompletionStage<?>> handler;
    private volatile Flow.Subscription subscription;

    public BoundedSubscriber(String channel, int limit, Function<Message<T>, CompletionStage<?>> handler) {
        if (limit < 1) {
            throw new IllegalArgumentException(channel + ": at least one message at a time, not " + limit);
        }
        this.channel = channel;
        this.limit = limit;
        this.handler = handler;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(limit);
    }

    @Override
    public void onNext(Message<T> message) {
        CompletionStage<?> handled;
        try {
            handled = handler.apply(message);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((ok, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure);
            }
            subscription.request(1);
        });
    }

    @Override
    public void onError(Throwable failure) {
        LOG.errorf(failure, "channel %s failed; no more of its messages are handled", channel);
    }

    @Override
    public void onComplete() {
        LOG.debugf("channel %s completed", channel);
    }
}

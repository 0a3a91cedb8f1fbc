package dev.hugginggpt.executor.remote;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a Content-Length above it fails before a byte is read, and a body
 * that grows past it is cancelled (the connection closes) at the chunk that crosses it.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final long declared;
    private final List<ByteBuffer> chunks = new ArrayList<>();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long size;

    private CappedBody(long max, long declared) {
        this.max = max;
        this.declared = declared;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long max) {
        return info -> new CappedBody(max, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** The service's answer is larger than this executor reads. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit, String what) {
            super(what);
            this.limit = limit;
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > max) {
            subscription.cancel();
            body.completeExceptionally(new TooLarge(max, "its Content-Length is " + declared + " bytes"));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            size += item.remaining();
        }
        if (size > max) {
            chunks.clear();
            subscription.cancel();
            body.completeExceptionally(new TooLarge(max, "it sent more than " + max + " bytes"));
            return;
        }
        chunks.addAll(items);
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        chunks.clear();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer chunk : chunks) {
            int n = chunk.remaining();
            chunk.get(all, at, n);
            at += n;
        }
        chunks.clear();
        body.complete(all);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}

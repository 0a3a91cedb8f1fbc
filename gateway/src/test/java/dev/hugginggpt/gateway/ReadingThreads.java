package dev.hugginggpt.gateway;

import io.vertx.core.Context;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test only: on which threads request bodies are read into objects. */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class ReadingThreads implements ReaderInterceptor {
    /** A body read: the type it became, and whether that was on an event loop. */
    record Read(String type, String thread, boolean onEventLoop) {
    }

    static final List<Read> READS = new CopyOnWriteArrayList<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        READS.add(new Read(context.getType().getSimpleName(), Thread.currentThread().getName(), Context.isOnEventLoopThread()));
        return context.proceed();
    }
}

package dev.hugginggpt.executor.messaging;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorConfig;
import dev.hugginggpt.executor.documents.DocumentText;
import dev.hugginggpt.executor.metrics.ExecutorMetrics;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Runs one task on the backend that has its model and publishes the result. Tasks run on the
 * "inference" worker pool, several at once; the offset is committed only after the result is sent.
 */
@ApplicationScoped
public class TaskWorker {
    private static final Logger LOG = Logger.getLogger(TaskWorker.class);

    private final List<ModelBackend> backends;
    private final ExecutorIdentity identity;
    /** Results and events (and heartbeats, see HeartbeatPublisher): one producer for the whole executor. */
    private final TopicWriter records;
    private final ExecutorMetrics metrics;
    private final StartAnnouncer startAnnouncer;
    private final OutputBounds bounds;
    private final RunningTasks running;
    /** Text documents named by a task's text arguments, read as their text. */
    @Inject
    DocumentText documents;

    public TaskWorker(Instance<ModelBackend> backends, ExecutorIdentity identity, ExecutorMetrics metrics,
            TopicWriter records, Vertx vertx, OutputBounds bounds, RunningTasks running,
            ExecutorConfig config) {
        this.backends = ModelBackend.inUse(backends);
        this.identity = identity;
        this.metrics = metrics;
        this.records = records;
        this.startAnnouncer = new StartAnnouncer(vertx, config.startedEventDelay());
        this.bounds = bounds;
        this.running = running;
    }

    @Incoming(Channels.TASKS)
    @WithSpan("run task")
    @Blocking(value = "inference", ordered = false)
    public void onTask(TaskDispatch task) {
        InvalidRecord.require(task, Topics.TASKS);
        Span.current().setAttribute("hg.request.id", task.requestId()).setAttribute("hg.task", task.task())
                .setAttribute("hg.model", task.model().modelId());
        Instant started = Instant.now();
        // Neither the model nor the result waits for this event, and the views never move a finished task back to
        // running when it lands after TASK_FINISHED.
        Runnable announce = () -> announceStarted(task, started);
        StartAnnouncer.Pending announcement = startAnnouncer.taskStarted(Context.current().wrap(announce));
        TaskStatus status = TaskStatus.SUCCEEDED;
        TaskOutput output = null;
        String error = null;
        boolean inputRejected = false;
        metrics.started();
        if (!running.start(task.requestId())) {
            status = TaskStatus.FAILED;
            error = "its request was cancelled before the task started";
        } else {
            try {
                output = bounds.apply(run(task, started));
            } catch (ModelException e) {
                status = TaskStatus.FAILED;
                error = OutputBounds.error(running.isCancelled(task.requestId())
                        ? "its request was cancelled: " + e.getMessage() : e.getMessage());
                inputRejected = e instanceof InputRejected;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.errorf(e, "task %s failed unexpectedly", task.key());
                status = TaskStatus.FAILED;
                error = OutputBounds.error("the model crashed: " + e);
            } finally {
                running.end(task.requestId());
            }
        }
        Instant finished = Instant.now();
        announcement.taskEnded();
        metrics.finished(task, status, Duration.between(started, finished));
        LOG.infof("task %s (%s on %s) %s in %d ms", task.key(), task.task(), task.model().modelId(), status,
                Duration.between(started, finished).toMillis());
        records.send(Topics.TASK_RESULTS, task.requestId(), new TaskResult(task.requestId(), task.taskId(), task.task(),
                task.model(), status, output, error, identity.id(), task.attempt(), started, finished, inputRejected))
                .await().indefinitely();
    }

    private void announceStarted(TaskDispatch task, Instant started) {
        records.send(Topics.EVENTS, task.requestId(),
                RequestEvent.taskStarted(task.requestId(), task.taskId(), identity.id(), started)).subscribe().with(
                        ok -> { }, failure -> LOG.warnf("task %s: the started event was not sent: %s", task.key(), failure.getMessage()));
    }

    private TaskOutput run(TaskDispatch task, Instant now) throws ModelException {
        Duration timeLeft = task.deadline() == null ? Duration.ofMinutes(2) : Duration.between(now, task.deadline());
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            throw new ModelException("the task's deadline passed before an executor could start it");
        }
        for (ModelBackend backend : backends) {
            if (backend.name().equals(task.model().backend()) && backend.canRun(task.model().modelId())) {
                return backend.run(documents.withDocumentsRead(task), timeLeft);
            }
        }
        throw new ModelException("no backend on executor " + identity.id() + " runs model " + task.model().modelId());
    }
}

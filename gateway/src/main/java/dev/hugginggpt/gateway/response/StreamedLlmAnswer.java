package dev.hugginggpt.gateway.response;

import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.LlmUsage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One answer as the LLM writes it: its pieces go out (to hg.events, see {@link Responder}) at most once per interval, so
 * that a client streaming the completion on any gateway instance reads it token by token; the whole answer completes
 * {@link #answer()}. The answer begins with every piece sent: pieces never hold leading or trailing blanks (the answer is
 * stripped), and an LLM that fails midway leaves what it wrote followed by the facts of the template.
 */
final class StreamedLlmAnswer implements StreamingChatResponseHandler {
    private static final Logger LOG = Logger.getLogger(StreamedLlmAnswer.class);

    private final String requestId;
    private final String facts;
    private final Consumer<String> pieces;
    private final long intervalNanos;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final StringBuilder written = new StringBuilder();
    private int sent;
    private long lastSentNanos;
    private ScheduledFuture<?> flushing;
    private boolean over;

    StreamedLlmAnswer(String requestId, String facts, Consumer<String> pieces, Duration interval) {
        this.requestId = requestId;
        this.facts = facts;
        this.pieces = pieces;
        this.intervalNanos = interval.toNanos();
        this.lastSentNanos = System.nanoTime() - intervalNanos;
    }

    CompletableFuture<Answer> answer() {
        return answer;
    }

    @Override
    public synchronized void onPartialResponse(String piece) {
        if (over || piece == null || piece.isEmpty()) {
            return;
        }
        written.append(piece);
        long wait = lastSentNanos + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            flush();
        } else if (flushing == null) {
            flushing = Infrastructure.getDefaultWorkerPool().schedule(this::scheduledFlush, wait, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void scheduledFlush() {
        flushing = null;
        if (!over) {
            flush();
        }
    }

    /** Sends what was written since the last piece, up to its last character that is not a blank. Called under the lock. */
    private void flush() {
        int from = sent == 0 ? firstNonBlank() : sent;
        int end = lastNonBlank() + 1;
        if (from < 0 || end <= from) {
            return;
        }
        if (Character.isHighSurrogate(written.charAt(end - 1))) {
            end--;
        }
        String piece = written.substring(from, end);
        sent = end;
        lastSentNanos = System.nanoTime();
        pieces.accept(piece);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        Answer done;
        synchronized (this) {
            if (!end()) {
                return;
            }
            String text = written.isEmpty() && response.aiMessage() != null && response.aiMessage().text() != null
                    ? response.aiMessage().text() : written.toString();
            var tokens = response.tokenUsage();
            LlmUsage usage = tokens == null ? LlmUsage.oneCall(null, null) : LlmUsage.oneCall(tokens.inputTokenCount(), tokens.outputTokenCount());
            if (text.isBlank()) {
                done = new Answer(facts, "template (the LLM answered nothing)", usage);
            } else {
                done = new Answer(text.strip(), "llm", usage, response.finishReason() == FinishReason.LENGTH ? true : null);
            }
        }
        answer.complete(done);
    }

    @Override
    public void onError(Throwable error) {
        fail(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** Ends the answer as the LLM failing would: it did not finish in time. */
    void timedOut(Duration limit) {
        fail("no answer within " + limit);
    }

    private void fail(String reason) {
        Answer done;
        synchronized (this) {
            if (!end()) {
                return;
            }
            LOG.warnf("request %s: LLM response generation failed: %s", requestId, reason);
            done = sent == 0 ? new Answer(facts, "template (the LLM failed: " + reason + ")", new LlmUsage(1, 0, 0))
                    : new Answer(written.substring(firstNonBlank(), sent) + "\n\n" + facts,
                            "llm, cut short (the LLM failed: " + reason + "), then the template", new LlmUsage(1, 0, 0));
        }
        answer.complete(done);
    }

    /** Marks the answer over (no piece is sent after this); false if it was already. Called under the lock. */
    private boolean end() {
        if (over) {
            return false;
        }
        over = true;
        if (flushing != null) {
            flushing.cancel(false);
        }
        return true;
    }

    private int firstNonBlank() {
        for (int i = 0; i < written.length(); i++) {
            if (!Character.isWhitespace(written.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private int lastNonBlank() {
        for (int i = written.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(written.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

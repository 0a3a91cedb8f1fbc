package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.api.openai.CompletionExtension;
import dev.hugginggpt.gateway.view.RequestView;

/** What a chat completion says of a request: its answer as text or JSON, why it finished, and where to read the rest. */
final class OpenAiAnswers {
    private OpenAiAnswers() {
    }

    static String text(RequestView view) {
        if (view.answer() != null) {
            return view.answer().text();
        }
        return view.error() != null ? "The request failed: " + view.error()
                : "The request is still running; follow it at /v1/requests/" + view.id();
    }

    static String json(RequestView view, ChatCompletionRequest.ResponseFormat format) {
        return AnswerJson.shaped(AnswerJson.of(view, text(view)), format.schema()).toString();
    }

    /** stop when the request ended; length when the LLM stopped at max_tokens, or when the wait ended first. */
    static String finishReason(RequestView view) {
        if (view.answer() != null && Boolean.TRUE.equals(view.answer().truncated())) {
            return "length";
        }
        return view.answer() != null || view.error() != null ? "stop" : "length";
    }

    static CompletionExtension extension(RequestView view) {
        return new CompletionExtension(view.id(), view.status().name(), view.tasks().stream()
                .map(t -> new CompletionExtension.TaskSummary(t.id(), t.task(), t.model(), t.status().name())).toList(), null);
    }
}

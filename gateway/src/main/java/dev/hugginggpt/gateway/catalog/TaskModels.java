package dev.hugginggpt.gateway.catalog;

import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.UnavailableModel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The models a task of one type can be run with now, as the live executors announce them.")
public record TaskModels(
        @Schema(description = "The task type (a Hugging Face pipeline tag).", examples = "text-to-speech") String task,
        @Schema(description = """
                The models of this type that live executors run, best first as the selector ranks them (local \
                programs, then by downloads and likes): a task's `model` in a submitted or approved plan may name any \
                of them.""") List<ModelCard> models,
        @Schema(description = """
                Remote backends live executors can call (huggingface, openai). With huggingface, any model of its \
                catalog for this type may be named too (the selector's inference mode permitting); they are not \
                listed here.""") List<String> remoteBackends,
        @Schema(description = "Models of this type the executors know but cannot run on their machines, with why.")
        List<UnavailableModel> unavailable,
        @Schema(description = "Executors heard from within the last hg.gateway.executor-ttl (45 s); 0: none is running.")
        int liveExecutors) {
}

package dev.hugginggpt.protocol;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One node of the plan DAG, in the HuggingGPT task format.")
public record PlannedTask(
        @Schema(description = "Task id, unique in the plan; later tasks refer to it.", examples = "0") int id,
        @Schema(description = "Task type (a Hugging Face pipeline tag).", examples = "text-to-speech") String task,
        @Schema(description = "Ids of the tasks whose outputs this one needs; [-1] when none.", examples = "[-1]") List<Integer> dep,
        @Schema(description = "Arguments by kind (text, image, audio, video, ...). '<GENERATED>-N' stands for task N's output.")
        Map<String, String> args,
        @Schema(description = "The model to run it with, chosen by whoever approved the plan (a model a live executor"
                + " offers for this task type); absent: the selector chooses.", examples = "local/espeak-ng") String model) {

    /** A task whose model the selector chooses. */
    public PlannedTask(int id, String task, List<Integer> dep, Map<String, String> args) {
        this(id, task, dep, args, null);
    }
}

package dev.hugginggpt.executor.messaging;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test backend whose one model, {@code nap/sleep}, takes as long as its {@code ms} argument says, and answers as many
 * characters as its {@code chars} argument asks, if any; or runs its {@code program} argument as a packaged program.
 */
@ApplicationScoped
public class NapBackend implements ModelBackend {
    @Override
    public String name() {
        return "nap";
    }

    @Override
    public List<ModelCard> localModels() {
        return List.of();
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public boolean canRun(String modelId) {
        return modelId.equals("nap/sleep");
    }

    @Override
    public TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException {
        if (task.args().containsKey("program")) {
            return TaskOutput.text(Programs.run(List.of(task.args().get("program").split(" ")),
                    "", timeLeft), Map.of());
        }
        try {
            Thread.sleep(Long.parseLong(task.args().get("ms")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String chars = task.args().get("chars");
        return TaskOutput.text(chars == null ? "slept " + task.args().get("ms") + " ms" : "z".repeat(Integer.parseInt(chars)),
                Map.of());
    }
}

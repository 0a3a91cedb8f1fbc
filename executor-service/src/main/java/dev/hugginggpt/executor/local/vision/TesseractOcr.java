package dev.hugginggpt.executor.local.vision;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** image-to-text as OCR: Tesseract 5 with the English model (Debian packages, Apache-2.0). It reads text; it does not caption. */
public final class TesseractOcr extends MediaModel {
    public TesseractOcr(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/tesseract-ocr-eng", "image-to-text",
                "Tesseract OCR: reads the printed text in an image (optical character recognition); it does not"
                        + " describe or caption the picture", "Apache-2.0");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("tesseract", "tesseract-ocr tesseract-ocr-eng");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String image = Inputs.image(args, "image", store, limits).toString();
        String text = Programs.run(List.of("tesseract", image, "-", "-l", "eng"), null, timeLeft).strip();
        if (text.isEmpty()) {
            // an empty success would hand the next task nothing to work on, with no reason the user could act on
            throw new ModelException("found no printed text in the image; Tesseract OCR reads text, it does not describe"
                    + " or caption a picture, and no model here does offline");
        }
        return TaskOutput.text(text, Map.of("engine", "tesseract"));
    }
}

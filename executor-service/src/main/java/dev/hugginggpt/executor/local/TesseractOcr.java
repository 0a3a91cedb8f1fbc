package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** image-to-text as OCR: Tesseract 5 with the English model (Debian packages, Apache-2.0). It reads text; it does not caption. */
final class TesseractOcr implements LocalModel {
    private final ResourceStore store;
    private final MediaLimits limits;

    TesseractOcr(ResourceStore store, MediaLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/tesseract-ocr-eng", "image-to-text", "local", 0, 0,
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

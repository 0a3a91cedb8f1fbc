package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.resources.ResourceStore;
import dev.hugginggpt.testkit.LocalModelCards;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest {
    @TempDir
    Path dir;

    @Test
    void everyCardHasAUniqueIdAKnownTaskALicenceAndTheLocalBackend() {
        List<ModelCard> cards = LocalBackend.all(new ResourceStore(dir), MediaLimits.DEFAULTS).stream().map(LocalModel::card).toList();
        Set<String> ids = new HashSet<>();

        for (ModelCard card : cards) {
            assertTrue(ids.add(card.id()), "duplicate id " + card.id());
            assertTrue(card.id().startsWith("local/"), card.id());
            assertTrue(TaskVocabulary.isKnown(card.task()) && TaskVocabulary.normalize(card.task()).equals(card.task()),
                    card.task());
            assertEquals("local", card.backend());
            assertTrue(card.license() != null && !card.license().isBlank(), card.id());
            assertTrue(card.description().length() > 40, card.id());
        }
    }

    @Test
    void theFaceAndThePeopleDetectorsSayWhatEachFinds() {
        // the selector picks among object-detection models by words shared by the task and the description
        String faces = card("local/opencv-haar-frontalface").description();
        String people = card("local/opencv-hog-people").description();

        assertTrue(faces.contains("faces") && !faces.contains("people") && !faces.contains("person"), faces);
        assertTrue(people.contains("people") && people.contains("persons") && !people.contains("face"), people);
    }

    private ModelCard card(String id) {
        return LocalBackend.all(new ResourceStore(dir), MediaLimits.DEFAULTS).stream().map(LocalModel::card).filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void offersTheInProcessModelsOnAnyMachine() {
        LocalBackend backend = new LocalBackend(new ResourceStore(dir), ExecutorLimits.DEFAULTS);

        for (String id : List.of("local/all-MiniLM-L6-v2", "local/all-MiniLM-L6-v2-zero-shot", "local/opennlp-en-ud-pos",
                "local/stanford-ner-english", "local/ssd-mobilenet-v2-coco", "local/opencv-haar-frontalface",
                "local/opencv-hog-people",
                "local/opencv-canny", "local/opencv-lsd-lines", "local/opencv-image-ops",
                "local/mediapipe-blazepose", "local/mediapipe-selfie-segmentation")) {
            assertTrue(backend.canRun(id), id);
        }
    }

    @Test
    void theTokenClassificationCardsSayWhatTheSelectorsTestsChooseBetween() {
        Map<String, String> descriptions = LocalBackend.all(new ResourceStore(dir), MediaLimits.DEFAULTS).stream().map(LocalModel::card)
                .collect(Collectors.toMap(ModelCard::id, ModelCard::description));

        assertEquals(LocalModelCards.NER.description(), descriptions.get(LocalModelCards.NER.id()));
        assertEquals(LocalModelCards.POS.description(), descriptions.get(LocalModelCards.POS.id()));
        assertEquals(LocalModelCards.SENTIMENT.description(), descriptions.get(LocalModelCards.SENTIMENT.id()));
        assertEquals(LocalModelCards.LANGUAGE.description(), descriptions.get(LocalModelCards.LANGUAGE.id()));
        assertEquals(LocalModelCards.OBJECTS.description(), descriptions.get(LocalModelCards.OBJECTS.id()));
        assertEquals(LocalModelCards.FACES.description(), descriptions.get(LocalModelCards.FACES.id()));
        assertEquals(LocalModelCards.PEOPLE.description(), descriptions.get(LocalModelCards.PEOPLE.id()));
    }

    /** The selector takes the first announced of equally fitting models: a request that names no face or person gets the general detector. */
    @Test
    void theGeneralObjectDetectorIsAnnouncedBeforeTheFaceAndPeopleDetectors() {
        List<String> detectors = new LocalBackend(new ResourceStore(dir), ExecutorLimits.DEFAULTS).localModels().stream()
                .filter(card -> card.task().equals("object-detection")).map(ModelCard::id).toList();

        assertEquals(List.of(LocalModelCards.OBJECTS.id(), LocalModelCards.FACES.id(), LocalModelCards.PEOPLE.id()), detectors);
    }
}

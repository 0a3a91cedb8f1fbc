package dev.hugginggpt.selector.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.selector.catalog.ExecutorRegistry;
import dev.hugginggpt.selector.catalog.ModelCatalog;
import dev.hugginggpt.selector.config.InferenceMode;
import dev.hugginggpt.selector.config.SelectorConfig;
import dev.hugginggpt.testkit.LocalModelCards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSelectorTest {
    private final ExecutorRegistry executors = new ExecutorRegistry(config(InferenceMode.HYBRID));
    private final ModelSelector selector = new ModelSelector(new ModelCatalog(), executors, config(InferenceMode.HYBRID));

    private static ModelCard local(String id, String task, long downloads, String description) {
        return new ModelCard(id, task, "local", downloads, 0, description, "MIT");
    }

    private void heartbeat(String instance, List<ModelCard> models, List<String> remote, Instant at) {
        executors.record(new ExecutorHeartbeat(instance, models, remote, at, false));
    }

    @Test
    void localModelsComeFirstThenRemoteOnesByDownloadsThenLikes() {
        heartbeat("e1", List.of(local("local/espeak-ng", "text-to-speech", 0, "speech synthesizer")), List.of("huggingface"),
                Instant.now());
        List<ModelCard> ranked = selector.candidates("text-to-speech", 50).ranked();
        assertEquals("local/espeak-ng", ranked.get(0).id());
        List<ModelCard> remote = ranked.subList(1, ranked.size());
        assertTrue(remote.size() >= 2, "the catalog has several remote text-to-speech models");
        for (int i = 1; i < remote.size(); i++) {
            ModelCard before = remote.get(i - 1);
            ModelCard after = remote.get(i);
            assertTrue(before.downloads() > after.downloads()
                    || before.downloads() == after.downloads() && before.likes() >= after.likes(),
                    before.id() + " ranked before " + after.id());
        }
    }

    @Test
    void theCandidatesAreCutToTopK() {
        heartbeat("e1", List.of(), List.of("huggingface"), Instant.now());
        assertEquals(3, selector.candidates("image-classification", 3).ranked().size());
        assertEquals(1, selector.candidates("image-classification", 1).ranked().size());
    }

    @Test
    void remoteModelsAreCandidatesOnlyWhenAnExecutorRunsTheirBackend() {
        heartbeat("e1", List.of(local("local/tesseract", "image-to-text", 0, "OCR")), List.of(), Instant.now());
        Candidates candidates = selector.candidates("image-to-text", 10);
        assertEquals(List.of("local/tesseract"), candidates.ranked().stream().map(ModelCard::id).toList());
        Candidates none = selector.candidates("text-to-image", 10);
        assertTrue(none.isEmpty());
        assertTrue(none.unavailableReason().contains("no offline model serves text-to-image"), none.unavailableReason());
        assertTrue(none.unavailableReason().contains("HG_HUGGINGFACE_TOKEN"), none.unavailableReason());
    }

    @Test
    void withNoLiveExecutorNothingIsAvailableAndTheReasonSaysSo() {
        heartbeat("e1", List.of(local("local/tesseract", "image-to-text", 0, "OCR")), List.of(),
                Instant.now().minus(Duration.ofMinutes(5)));
        Candidates candidates = selector.candidates("image-to-text", 10);
        assertTrue(candidates.isEmpty(), "a heartbeat older than the TTL does not count");
        assertEquals("no executor is running", candidates.unavailableReason());
    }

    @Test
    void offlineChoicePrefersTheModelWhoseDescriptionMatchesTheTaskThenTheRanking() {
        heartbeat("e1", List.of(
                local("local/a", "text-to-speech", 10, "English voice synthesizer"),
                local("local/b", "text-to-speech", 5, "Spanish and French voices, multilingual speech")), List.of(), Instant.now());
        Candidates candidates = selector.candidates("text-to-speech", 5);
        assertEquals("local/a", candidates.ranked().get(0).id());
        List<ModelChoice> chosen = selector.choose(candidates, "Read this French poem aloud", Map.of("text", "Bonjour"));
        assertEquals(List.of("local/b", "local/a"), chosen.stream().map(ModelChoice::modelId).toList());
        assertTrue(chosen.get(0).reason().contains("shares 1 word with"), chosen.get(0).reason());
        List<ModelChoice> neutral = selector.choose(candidates, "Say hi", Map.of("text", "hi"));
        assertEquals("local/a", neutral.get(0).modelId());
    }

    @Test
    void offlineChoiceTellsTheThreeDetectorsApartByWhatTheRequestAsksToFind() {
        Map<String, String> image = Map.of("image", "r-0123456789abcdef0123.png");
        ModelCard objects = local(LocalModelCards.OBJECTS.id(), "object-detection", 0, LocalModelCards.OBJECTS.description());
        ModelCard faces = local(LocalModelCards.FACES.id(), "object-detection", 0, LocalModelCards.FACES.description());
        ModelCard people = local(LocalModelCards.PEOPLE.id(), "object-detection", 0, LocalModelCards.PEOPLE.description());
        // every order of announcement, so that the descriptions decide and not the ranking's tie-break
        for (List<ModelCard> announced : List.of(List.of(objects, faces, people), List.of(objects, people, faces),
                List.of(faces, objects, people), List.of(faces, people, objects), List.of(people, objects, faces),
                List.of(people, faces, objects))) {
            heartbeat("e1", announced, List.of(), Instant.now());
            Candidates candidates = selector.candidates("object-detection", 5);
            String order = "announced " + candidates.ranked().stream().map(ModelCard::id).toList();

            for (String request : List.of("What objects are in this picture?", "Detect the objects in this image",
                    "Find all the things in the photo and box them", "How many dogs are in this picture?",
                    "Draw boxes around the objects in the picture", "What animals are in the photo?",
                    "Count the cars in this image", "Which vehicles can you see in this photo?",
                    "What is in this picture? Detect the objects and count them")) {
                assertEquals(objects.id(), selector.choose(candidates, request, image).get(0).modelId(), request + ", " + order);
            }
            for (String request : List.of("Detect the people in this photo", "How many persons are walking in the street?",
                    "Draw boxes around the pedestrians in the picture", "Count the people in the image")) {
                assertEquals(people.id(), selector.choose(candidates, request, image).get(0).modelId(), request + ", " + order);
            }
            for (String request : List.of("Find the faces in the picture", "Detect every face in this group photo",
                    "Draw boxes around the faces in this photo")) {
                assertEquals(faces.id(), selector.choose(candidates, request, image).get(0).modelId(), request + ", " + order);
            }
        }
    }

    @Test
    void aDetectionRequestThatNamesNoDetectorsSubjectGetsTheFirstAnnouncedTheGeneralOne() {
        // executor-service's LocalBackendTest pins that the executor announces the general detector first
        heartbeat("e1", List.of(local(LocalModelCards.OBJECTS.id(), "object-detection", 0, LocalModelCards.OBJECTS.description()),
                local(LocalModelCards.FACES.id(), "object-detection", 0, LocalModelCards.FACES.description()),
                local(LocalModelCards.PEOPLE.id(), "object-detection", 0, LocalModelCards.PEOPLE.description())), List.of(),
                Instant.now());
        Candidates candidates = selector.candidates("object-detection", 5);

        for (String request : List.of("Is there a car in the image?", "Locate all the items in the image",
                "Show me where the cat is in the picture")) {
            assertEquals(LocalModelCards.OBJECTS.id(), selector.choose(candidates, request,
                    Map.of("image", "r-0123456789abcdef0123.png")).get(0).modelId(), request);
        }
    }

    @Test
    void offlineChoiceTakesTheEntityRecognizerForEntitiesAndTheTaggerForPartsOfSpeech() {
        ModelCard ner = local(LocalModelCards.NER.id(), "token-classification", 0, LocalModelCards.NER.description());
        ModelCard pos = local(LocalModelCards.POS.id(), "token-classification", 0, LocalModelCards.POS.description());
        // both orders of announcement, so that the descriptions decide and not the ranking's tie-break
        for (List<ModelCard> announced : List.of(List.of(ner, pos), List.of(pos, ner))) {
            heartbeat("e1", announced, List.of(), Instant.now());
            Candidates candidates = selector.candidates("token-classification", 5);

            assertEquals(ner.id(), chosen(candidates, "Find the named entities in this sentence",
                    "Find the named entities in: Barack Obama was born in Honolulu, Hawaii."));
            assertEquals(ner.id(), chosen(candidates, "Which people and places does this text mention?",
                    "Angela Merkel met Emmanuel Macron in Paris."));
            assertEquals(ner.id(), chosen(candidates, "Could you help me identify the named entities such as dates,"
                    + " people, and locations?", "John Doe's trip to the Eiffel Tower in Paris, France in 2022."));
            assertEquals(pos.id(), chosen(candidates, "Tag the parts of speech in this sentence",
                    "The quick brown fox jumps over the lazy dog."));
            assertEquals(pos.id(), chosen(candidates, "What part of speech is each word here?",
                    "Barack Obama was born in Honolulu, Hawaii."));
        }
    }

    @Test
    void offlineChoiceReadsTheWordsOfAKoreanRequest() {
        ModelCard sentiment = local(LocalModelCards.SENTIMENT.id(), "text-classification", 0, LocalModelCards.SENTIMENT.description());
        ModelCard language = local(LocalModelCards.LANGUAGE.id(), "text-classification", 0, LocalModelCards.LANGUAGE.description());
        ModelCard ner = local(LocalModelCards.NER.id(), "token-classification", 0, LocalModelCards.NER.description());
        ModelCard pos = local(LocalModelCards.POS.id(), "token-classification", 0, LocalModelCards.POS.description());
        for (boolean reversed : List.of(false, true)) {
            List<ModelCard> announced = new ArrayList<>(List.of(sentiment, language, ner, pos));
            if (reversed) {
                Collections.reverse(announced);
            }
            heartbeat("e1", announced, List.of(), Instant.now());
            Candidates classifiers = selector.candidates("text-classification", 5);
            Candidates taggers = selector.candidates("token-classification", 5);

            assertEquals(sentiment.id(), chosen(classifiers, "이 문장의 감정을 분석해줘: 이 영화 정말 최고였어!", "이 영화 정말 최고였어!"));
            assertEquals(sentiment.id(), chosen(classifiers, "이 리뷰가 긍정인지 부정인지 알려줘", "The food was great."));
            assertEquals(language.id(), chosen(classifiers, "이 문장은 무슨 언어야?", "Bonjour tout le monde"));
            assertEquals(ner.id(), chosen(taggers, "이 글에서 인명과 지명을 찾아줘", "Angela Merkel met Emmanuel Macron in Paris."));
            assertEquals(pos.id(), chosen(taggers, "각 단어의 품사를 알려줘", "The quick brown fox jumps."));
        }
    }

    private String chosen(Candidates candidates, String userMessage, String text) {
        return selector.choose(candidates, userMessage, Map.of("text", text)).get(0).modelId();
    }

    @Test
    void theInferenceModeKeepsTasksLocalOrRemote() {
        heartbeat("e1", List.of(local("local/espeak-ng", "text-to-speech", 0, "speech"),
                new ModelCard("openai/tts-1", "text-to-speech", "openai", 0, 0, "speech", "terms")), List.of("huggingface", "openai"),
                Instant.now());
        ModelSelector localOnly = new ModelSelector(new ModelCatalog(), executors, config(InferenceMode.LOCAL));
        assertEquals(List.of("local/espeak-ng"), localOnly.candidates("text-to-speech", 50).ranked().stream().map(ModelCard::id).toList());
        assertTrue(localOnly.candidates("text-to-image", 5).unavailableReason().contains("inference mode is local"));
        ModelSelector remoteOnly = new ModelSelector(new ModelCatalog(), executors, config(InferenceMode.REMOTE));
        List<ModelCard> remote = remoteOnly.candidates("text-to-speech", 50).ranked();
        assertTrue(remote.stream().noneMatch(m -> m.backend().equals("local")));
        assertTrue(remote.stream().anyMatch(m -> m.id().equals("openai/tts-1")));
    }

    private static SelectorConfig config(InferenceMode mode) {
        return new SelectorConfig() {
            public InferenceMode inferenceMode() {
                return mode;
            }

            public int topK() {
                return 5;
            }

            public Duration taskTimeout() {
                return Duration.ofSeconds(120);
            }

            public int maxAttempts() {
                return 3;
            }

            public Duration executorTtl() {
                return Duration.ofSeconds(45);
            }

            public int taskPartitions() {
                return 8;
            }

            public int batchesFinishing() {
                return 2;
            }

            public int llmCallBudget() {
                return 3;
            }

            public String stateTopic() {
                return "hg.selector-state";
            }

            public double tenantSlotShare() {
                return 1;
            }

            public boolean durableState() {
                return false;
            }

            public Optional<String> llmBaseUrl() {
                return Optional.empty();
            }
        };
    }
}

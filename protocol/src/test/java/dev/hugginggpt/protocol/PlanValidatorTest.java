package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {
    private final PlanValidator validator = new PlanValidator(10, type -> true);

    private static PlannedTask task(int id, String type, List<Integer> dep, Map<String, String> args) {
        return new PlannedTask(id, type, dep, args);
    }

    private List<String> check(PlannedTask... tasks) {
        return validator.validate(PlanValidator.normalize(List.of(tasks)));
    }

    @Test
    void acceptsDagWithGeneratedReferences() {
        List<String> errors = check(
                task(0, "image-to-text", List.of(-1), Map.of("image", "r-cat.jpg")),
                task(1, "text-to-speech", List.of(0), Map.of("text", "<GENERATED>-0")),
                task(2, "text-classification", List.of(-1), Map.of("text", "hello")));
        assertEquals(List.of(), errors);
    }

    @Test
    void normalizeAddsReferencedTasksToDep() {
        List<PlannedTask> plan = PlanValidator.normalize(List.of(
                task(0, "Text-to-Speech", List.of(-1), Map.of("text", "hi")),
                task(1, "Automatic Speech Recognition", List.of(-1), Map.of("audio", "<GENERATED>-0"))));
        assertEquals(List.of(0), plan.get(1).dep());
        assertEquals("automatic-speech-recognition", plan.get(1).task());
        assertEquals(List.of(-1), plan.get(0).dep());
    }

    @Test
    void rejectsUnknownTaskType() {
        assertTrue(check(task(0, "make-coffee", List.of(-1), Map.of("text", "x"))).get(0).contains("unknown task type"));
    }

    @Test
    void rejectsTaskTypeNoBackendServes() {
        PlanValidator onlySpeech = new PlanValidator(10, "text-to-speech"::equals);
        List<String> errors = onlySpeech.validate(PlanValidator.normalize(List.of(
                task(0, "text-to-image", List.of(-1), Map.of("text", "a cat")))));
        assertTrue(errors.get(0).contains("no configured backend"), errors.toString());
    }

    @Test
    void aDetectorsPictureWithItsBoxesIsAnImageAndItsFindingsAreText() {
        assertEquals(List.of(), check(
                task(0, "object-detection", List.of(-1), Map.of("image", "street.jpg")),
                task(1, "visual-question-answering", List.of(0), Map.of("image", "<GENERATED>-0", "text", "how many cars?")),
                task(2, "text-to-speech", List.of(0), Map.of("text", "<GENERATED>-0"))));
        List<String> errors = check(
                task(0, "image-classification", List.of(-1), Map.of("image", "street.jpg")),
                task(1, "image-to-image", List.of(0), Map.of("image", "<GENERATED>-0")));
        assertTrue(errors.get(0).contains("which produces text, not image"), errors.toString());
    }

    @Test
    void aFileArgumentNamesOneFile() {
        List<String> errors = check(
                task(0, "text-to-image", List.of(-1), Map.of("text", "a cat")),
                task(1, "text-to-image", List.of(-1), Map.of("text", "a dog")),
                task(2, "image-to-image", List.of(0, 1), Map.of("image", "<GENERATED>-0 <GENERATED>-1")));
        assertTrue(errors.toString().contains("takes 'image' from 2 tasks"), errors.toString());
    }

    @Test
    void displayNamesAndCommonNamesAreTheirTaskTypes() {
        List<PlannedTask> plan = PlanValidator.normalize(List.of(task(0, "Image Captioning", List.of(-1), Map.of("image", "a.jpg")),
                task(1, "Speech Synthesis", List.of(-1), Map.of("text", "<GENERATED>-0")), task(2, "NER", List.of(-1), Map.of("text", "x"))));
        assertEquals(List.of("image-to-text", "text-to-speech", "token-classification"), plan.stream().map(PlannedTask::task).toList());
    }

    @Test
    void rejectsSelfDependency() {
        assertTrue(check(task(0, "summarization", List.of(0), Map.of("text", "x"))).get(0).contains("itself"));
    }

    @Test
    void rejectsForwardDependency() {
        List<String> errors = check(
                task(0, "summarization", List.of(1), Map.of("text", "<GENERATED>-1")),
                task(1, "translation", List.of(-1), Map.of("text", "x")));
        assertTrue(errors.get(0).contains("comes after it"), errors.toString());
    }

    @Test
    void rejectsDanglingReference() {
        List<String> errors = check(task(0, "summarization", List.of(-1), Map.of("text", "<GENERATED>-7")));
        assertTrue(errors.get(0).contains("not in the plan"), errors.toString());
    }

    @Test
    void rejectsArgumentOfWrongResourceKind() {
        List<String> errors = check(
                task(0, "text-to-speech", List.of(-1), Map.of("text", "hello")),
                task(1, "object-detection", List.of(0), Map.of("image", "<GENERATED>-0")));
        assertTrue(errors.get(0).contains("produces audio"), errors.toString());
    }

    @Test
    void rejectsMissingRequiredInput() {
        List<String> errors = check(task(0, "object-detection", List.of(-1), Map.of("text", "find cats")));
        assertTrue(errors.get(0).contains("needs an 'image'"), errors.toString());
    }

    @Test
    void rejectsDuplicateIdsAndTooManyTasks() {
        assertTrue(check(task(0, "summarization", List.of(-1), Map.of("text", "a")),
                task(0, "translation", List.of(-1), Map.of("text", "b"))).get(0).contains("used twice"));
        PlanValidator tiny = new PlanValidator(1, t -> true);
        assertTrue(tiny.validate(List.of(task(0, "summarization", List.of(-1), Map.of("text", "a")),
                task(1, "translation", List.of(-1), Map.of("text", "b")))).get(0).contains("at most 1"));
    }

    @Test
    void replacesReferencesInsideText() {
        assertEquals("say: hello and bye",
                GeneratedRefs.replace("say: <GENERATED>-0 and <GENERATED>-1", id -> id == 0 ? "hello" : "bye"));
    }
}

package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.bench.PlanningBenchmark;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classes of requests, each in several phrasings: conditioned drawing, offered labels, text in a picture. */
class RequestClassesTest {
    private final EmbeddedPlanner planner = new EmbeddedPlanner(PlanningBenchmark.benchConfig());

    private List<PlannedTask> plan(String text, ResourceRef... uploads) {
        PlanningResult result = planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(uploads),
                RequestOptions.defaults(), Instant.now()));
        assertTrue(result.ok(), text + ": " + result.failure());
        return result.tasks();
    }

    private static List<String> types(List<PlannedTask> tasks) {
        return tasks.stream().map(PlannedTask::task).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Use the edges of house.jpg to generate a watercolor painting of a cabin in the snow | canny | house.jpg",
        "Take the pose of the dancer in dancer.png and draw an astronaut in that pose | openpose | dancer.png",
        "Generate a futuristic city using the depth map of street.jpg | depth | street.jpg",
        "Use the segmentation map of /photos/room.jpg to create a cozy cabin interior | seg | /photos/room.jpg",
        "Turn my scribble in sketch.png into a realistic photo of a cat | scribble | sketch.png",
        "Draw a castle with the straight lines of ./plans/hall.png | mlsd | ./plans/hall.png"})
    void aDrawingOnTheShapeOfAPictureIsItsControlTaskThenTheConditionedDrawing(String request, String kind, String picture) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(kind + "-control", kind + "-text-to-image"), types(tasks), tasks.toString());
        assertEquals(picture, tasks.get(0).args().get("image"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("image"));
        assertTrue(!tasks.get(1).args().get("text").isBlank() && !tasks.get(1).args().get("text").contains(picture), tasks.toString());
    }

    @Test
    void aConditionedDrawingNeedsAPictureToTakeTheShapeFrom() {
        assertEquals(List.of("text-to-image"), types(plan("Draw a cat with sharp edges")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Is 'The striker scored twice in the final' about sports, politics or science? | sports, politics, science",
        "Which of cooking, travel, finance fits 'I just booked flights to Lisbon for May'? | cooking, travel, finance",
        "Is this email spam or not spam? 'You won a prize, click here' | spam, not spam",
        "Tell me what 'The central bank raised rates again' is about: economy, sports or weather? | economy, sports, weather"})
    void aQuestionThatOffersLabelsIsAZeroShotClassificationWithThoseLabels(String request, String labels) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of("zero-shot-classification"), types(tasks), tasks.toString());
        assertEquals(labels, tasks.get(0).args().get("labels"));
    }

    @Test
    void aQuestionOnTheWritingInAPictureReadsItThenAnswersFromIt() {
        List<PlannedTask> tasks = plan("How much was the total on receipt.png?");
        assertEquals(List.of("image-to-text", "question-answering"), types(tasks));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("context"));
        assertEquals(List.of("image-to-text"), types(plan("What text is written in photo.jpg?")));
        ResourceRef sign = new ResourceRef("r-00000000000000000004.jpg", "sign.jpg", "image/jpeg", 10);
        assertEquals(List.of("image-to-text"), types(plan("What text is written in this picture?", sign)));
        assertEquals(List.of("image-to-text"), types(plan("이 사진 속 글자를 읽어줘", sign)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What is in this picture?", "what's in this photo", "What do you see in this image?", "How many dogs are in this photo?",
        "How many people are there in the picture?", "Count the cars in this photo", "이 사진에 무엇이 있어?",
        "이 사진에 고양이가 몇 마리 있어?", "사진에 뭐가 보여?"})
    void aQuestionOnWhatAPictureShowsOrHowManyOfAThingIsObjectDetection(String request) {
        ResourceRef photo = new ResourceRef("r-00000000000000000005.jpg", "street.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan(request, photo);
        assertEquals(List.of("object-detection"), types(tasks), request + ": " + tasks);
        assertEquals(photo.id(), tasks.get(0).args().get("image"));
    }

    @Test
    void otherQuestionsOnAPictureStayQuestions() {
        ResourceRef photo = new ResourceRef("r-00000000000000000005.jpg", "street.jpg", "image/jpeg", 10);
        assertEquals(List.of("visual-question-answering"), types(plan("What colour is the car in this photo?", photo)));
        assertEquals(List.of("visual-question-answering"), types(plan("How many colours are in this picture?", photo)));
        assertEquals(List.of("object-detection"), types(plan("How many people are in photo.jpg?")));
    }

    @Test
    void removingABackgroundIsSegmentation() {
        assertEquals(List.of("image-segmentation"), types(plan("Remove the background from portrait.jpg")));
    }
}

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
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Data flow: a task takes its input from what the request gives (quoted text, a named or attached file) before an
 * earlier task's output of another kind; a round trip through another modality only when the request asks for it.
 */
class DataFlowPlanningTest {
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
    @ValueSource(strings = {
        "Read 'Bonjour tout le monde' aloud and tell me what language it is.",
        "Say 'Bonjour tout le monde' out loud and tell me which language that is",
        "Please read 'Bonjour tout le monde' out loud and then tell me what language it was",
        "Read 'Bonjour tout le monde' aloud and detect its language"})
    void speakingAGivenTextAndNamingItsLanguageBothReadTheGivenText(String request) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of("text-to-speech", "text-classification"), types(tasks), tasks.toString());
        tasks.forEach(t -> assertEquals("Bonjour tout le monde", t.args().get("text"), tasks.toString()));
    }

    @Test
    void aLabelIsNoTextToTranslateTheGivenTextIs() {
        List<PlannedTask> tasks = plan("What language is 'Obrigado pela ajuda' and can you translate it into English?");
        assertEquals(List.of("text-classification", "translation"), types(tasks));
        assertEquals("Obrigado pela ajuda", tasks.get(1).args().get("text"));
    }

    @Test
    void theSentimentOfATextJustTranslatedIsTheSentimentOfTheGivenText() {
        List<PlannedTask> tasks = plan("Translate 'I love programming' into German and tell me its sentiment");
        assertEquals(List.of("translation", "text-classification"), types(tasks));
        assertEquals("I love programming", tasks.get(1).args().get("text"));
    }

    @Test
    void aRoundTripHappensWhenTheRequestAsksForIt() {
        List<PlannedTask> tasks = plan("Say 'Hello world' and then transcribe what you said to check it");
        assertEquals(List.of("text-to-speech", "automatic-speech-recognition"), types(tasks));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("audio"));
    }

    @Test
    void aNamedResultIsStillTheInput() {
        List<PlannedTask> tasks = plan("Classify 'The striker scored twice' as sports, politics or science and read the result aloud");
        assertEquals("text-to-speech", tasks.get(tasks.size() - 1).task(), tasks.toString());
        assertTrue(tasks.get(tasks.size() - 1).args().get("text").startsWith("<GENERATED>-"), tasks.toString());
    }

    @Test
    void anAttachedTextDocumentIsTheTextOfEveryTextTask() {
        ResourceRef poem = new ResourceRef("r-00000000000000000001.txt", "poem.txt", "text/plain", 100);
        List<PlannedTask> tasks = plan("Read the attached poem aloud and tell me what language it is in", poem);
        assertEquals(List.of("text-to-speech", "text-classification"), types(tasks));
        tasks.forEach(t -> assertEquals(poem.id(), t.args().get("text")));
        ResourceRef paper = new ResourceRef("r-00000000000000000002.pdf", "paper.pdf", "application/pdf", 100);
        assertEquals(paper.id(), plan("Summarize this PDF in three sentences", paper).get(0).args().get("text"));
        ResourceRef contract = new ResourceRef("r-00000000000000000003.txt", "contract.txt", "text/plain", 100);
        PlannedTask answer = plan("Answer this from the attached file: when does the contract end?", contract).get(0);
        assertEquals("question-answering", answer.task());
        assertEquals(contract.id(), answer.args().get("context"));
    }

    @Test
    void namedDocumentsOfEveryTextKindAreInputs() {
        for (String file : List.of("notes.txt", "README.md", "table.csv", "data.json", "page.html", "/srv/docs/paper.pdf")) {
            PlannedTask summary = plan("Summarize " + file).get(0);
            assertEquals("summarization", summary.task());
            assertEquals(file, summary.args().get("text"));
        }
    }

    @Test
    void filesNamedWithTheirFoldersAreFound() {
        assertEquals("/data/imgs/park.jpg", plan("Detect objects in /data/imgs/park.jpg").get(0).args().get("image"));
        assertEquals("~/Pictures/trip/IMG_2041.jpg", plan("Describe the photo at ~/Pictures/trip/IMG_2041.jpg").get(0).args().get("image"));
        assertEquals("./data/meeting.wav", plan("Transcribe ./data/meeting.wav and summarize it").get(0).args().get("audio"));
        assertEquals("/images/street.jpg", plan("/images/street.jpg 사진에서 사람들을 찾아줘").get(0).args().get("image"));
        assertEquals("/home/minji/사진/거리.jpg", plan("/home/minji/사진/거리.jpg에서 사람들을 찾아줘").get(0).args().get("image"));
    }

    @Test
    void aFollowUpWorksOnTheTextTheLastAnswerGaveNotOnItsFileAgain() {
        List<ChatMessage> history = List.of(ChatMessage.user("Transcribe this recording memo.wav"), new ChatMessage("assistant",
                "Workflow: 0 automatic-speech-recognition.\n- Task 0 (automatic-speech-recognition) with local/pocketsphinx: \"call mom at six\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user("Translate that into Spanish and read it out loud")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of("translation", "text-to-speech"), types(result.tasks()), result.toString());
        assertEquals("call mom at six", result.tasks().get(0).args().get("text"));
        PlanningResult again = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user("Now summarize that recording")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals("automatic-speech-recognition", again.tasks().get(0).task(), "a follow-up that names the recording works on it: " + again);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "요약 말고 원문 전체를 영어로 번역해줄래? | translation",
        "thanks. can you also find all the company and product names in the full report? | token-classification"})
    void aFollowUpOnTheOriginalDocumentWorksOnTheDocumentAnEarlierTurnNamed(String request, String task) {
        List<ChatMessage> history = List.of(ChatMessage.user("summarize ./docs/q3_report.md"), new ChatMessage("assistant",
                "Workflow: 0 summarization.\n- Task 0 (summarization) with local/summarizer: \"Revenue grew 12% in Q3.\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user(request)),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of(task), types(result.tasks()), result.toString());
        assertEquals("./docs/q3_report.md", result.tasks().get(0).args().get("text"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "love it!! could you add a couple of seagulls flying over the boats | image-editing",
        "오 좋다 ㅎㅎ 여기 창밖을 눈 오는 풍경으로 바꾸고, 바꾼 그림 고화질로 키워줘 | image-editing, image-to-image"})
    void aFollowUpEditWorksOnThePictureAnEarlierTurnMade(String request, String expected) {
        List<ChatMessage> history = List.of(ChatMessage.user("paint a watercolor of a small fishing village at sunrise"),
                new ChatMessage("assistant", "Workflow: 0 text-to-image.\n- Task 0 (text-to-image) with local/painter: produced"
                        + " r-8c21.png\nFiles produced: r-8c21.png (image/png)"));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user(request)),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of(expected.split(",\\s*")), types(result.tasks()), result.toString());
        assertEquals("r-8c21.png", result.tasks().get(0).args().get("image"));
    }

    @Test
    void theOriginalIsWhatTheRequestGaveNotWhatWasMadeFromIt() {
        List<PlannedTask> birds = planner.plan(request("clean up birds_morning.mp3 and also tell me what birds are in the original"
                + " recording")).tasks();
        assertEquals(List.of("audio-to-audio", "audio-classification"), types(birds), birds.toString());
        assertEquals("birds_morning.mp3", birds.get(1).args().get("audio"));

        List<PlannedTask> poster = planner.plan(request("read the text in poster_en.jpg, then translate it to korean, and also read"
                + " the original english out loud")).tasks();
        assertEquals(List.of("image-to-text", "translation", "text-to-speech"), types(poster), poster.toString());
        assertEquals("<GENERATED>-0", poster.get(2).args().get("text"));

        List<PlannedTask> paraphrase = planner.plan(request("paraphrase 'The shipment will arrive on Thursday' and then tell me how"
                + " similar your paraphrase is to the original")).tasks();
        PlannedTask similarity = paraphrase.get(paraphrase.size() - 1);
        assertEquals("sentence-similarity", similarity.task(), paraphrase.toString());
        assertEquals("The shipment will arrive on Thursday", similarity.args().get("text2"), paraphrase.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"I've got this image file photo.jpg and I've recorded a voice note note.wav specifying some changes I want"
            + " to make to the image. Please edit the image accordingly.",
        "photo.jpg 수정해줘. 수정 사항은 녹음 note.wav 에 말해놨어"})
    void aRecordingThatSaysHowToEditIsTranscribedIntoTheEdit(String message) {
        List<PlannedTask> tasks = planner.plan(request(message)).tasks();
        assertEquals(List.of("automatic-speech-recognition", "image-editing"), types(tasks), tasks.toString());
        assertEquals("note.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void aQuestionOnARecordingIsAnsweredFromWhatWasSaid() {
        List<PlannedTask> tasks = planner.plan(request("i missed the end of the lecture, recording is lecture_week9.mp3. when did"
                + " the prof say the final paper is due?")).tasks();
        assertEquals(List.of("automatic-speech-recognition", "question-answering"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("context"));
    }

    @Test
    void aTaskOnBothUploadsRunsOnEach() {
        List<ResourceRef> takes = List.of(new ResourceRef("r-00000000000000000001.wav", "take1.wav", "audio/wav", 10),
                new ResourceRef("r-00000000000000000002.wav", "take2.wav", "audio/wav", 10));
        List<PlannedTask> tasks = planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user("recorded two takes of my"
                + " voiceover. transcribe both and tell me how similar the two scripts came out")), takes, RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("automatic-speech-recognition", "automatic-speech-recognition", "sentence-similarity"), types(tasks),
                tasks.toString());
        assertEquals(java.util.Set.of("<GENERATED>-0", "<GENERATED>-1"),
                java.util.Set.of(tasks.get(2).args().get("text"), tasks.get(2).args().get("text2")), tasks.toString());
    }

    private static UserRequest request(String text) {
        return new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(), RequestOptions.defaults(), Instant.now());
    }

    @Test
    void aFollowUpQuestionIsAskedOfTheDocumentAnEarlierTurnNamedNotOfItself() {
        List<ChatMessage> history = List.of(ChatMessage.user("회사_복지규정.pdf 요약해줘"), new ChatMessage("assistant",
                "Workflow: 0 summarization.\n- Task 0 (summarization) with local/summarizer: \"연차 15일, 육아휴직 규정 포함\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user("그럼 육아휴직은 최대 몇 개월까지 쓸 수 있대?")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of("question-answering"), types(result.tasks()), result.toString());
        assertEquals("회사_복지규정.pdf", result.tasks().get(0).args().get("context"));
    }

    @Test
    void aTranslationBesideAnEntityListOfAnEarlierTurnsTextTranslatesThatText() {
        List<ChatMessage> history = List.of(ChatMessage.user("transcribe game.wav"), new ChatMessage("assistant",
                "Workflow: 0 automatic-speech-recognition.\n- Task 0 (automatic-speech-recognition) with local/pocketsphinx:"
                        + " \"Coach Daniels said the Gulls will start Ortiz\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user(
                "great. from that transcript, list the teams and players it names, and also translate it into Korean")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of("token-classification", "translation"), types(result.tasks()), result.toString());
        assertEquals("Coach Daniels said the Gulls will start Ortiz", result.tasks().get(1).args().get("text"));
    }

    @Test
    void aResultNamedByItsLanguageIsTheTranslation() {
        List<PlannedTask> tasks = plan("translate ./legal/nda.txt into english, then pull all the dates, people and organizations out"
                + " of the english version");
        assertEquals(List.of("translation", "token-classification"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void howSimilarWhatOneSaidIsToWhatAnotherShowsComparesBothResults() {
        List<PlannedTask> tasks = plan("transcribe lecture.wav and read the text off slide.png, then tell me how similar what the"
                + " professor said is to what's on the slide");
        assertEquals(List.of("automatic-speech-recognition", "image-to-text", "sentence-similarity"), types(tasks), tasks.toString());
        assertEquals(java.util.Set.of("<GENERATED>-0", "<GENERATED>-1"),
                java.util.Set.of(tasks.get(2).args().get("text"), tasks.get(2).args().get("text2")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HR here. For ./interviews/candidate_07.wav: transcribe it, give me a short summary, and pull out the names of the companies she's worked at | automatic-speech-recognition, summarization, token-classification | <GENERATED>-0",
        "Summarize contract.pdf for me and then tell me what the cancellation fee is | summarization, question-answering | contract.pdf",
        "경제학 5주차 강의 녹음이에요 ./강의/경제학_5주차.mp3 받아쓰고 요약도 해주고, 교수님이 기말 범위 어디까지라고 했는지도 알려줘 | automatic-speech-recognition, summarization, question-answering | <GENERATED>-0",
        "summarize review.txt and then tell me whether it is positive or negative | summarization, text-classification | review.txt"})
    void namesSentimentsAndAnswersAreReadFromTheWholeTextNotItsSummary(String request, String types, String source) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(types.split(",\\s*")), types(tasks), tasks.toString());
        PlannedTask last = tasks.get(tasks.size() - 1);
        assertEquals(source, last.args().getOrDefault("context", last.args().get("text")), tasks.toString());
    }

    private List<PlannedTask> followUp(String earlier, String answer, String message) {
        PlanningResult result = planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user(earlier),
                new ChatMessage("assistant", answer), ChatMessage.user(message)), List.of(), RequestOptions.defaults(), Instant.now()));
        assertTrue(result.ok(), message + ": " + result.failure());
        return result.tasks();
    }

    @Test
    void aFollowUpThatAsksAgainRunsThePreviousTaskOnTheNewInput() {
        List<PlannedTask> described = followUp("describe street.jpg", "Workflow: 0 image-to-text.\n- Task 0 (image-to-text) with"
                + " local/describer: \"a narrow street\"", "what about market.jpg?");
        assertEquals(List.of("image-to-text"), types(described), described.toString());
        assertEquals("market.jpg", described.get(0).args().get("image"));

        List<PlannedTask> second = followUp("i've got two product shots, front.jpg and back.jpg. remove the background from the"
                + " first one", "Workflow: 0 image-segmentation.\n- Task 0 (image-segmentation) with local/segmenter: produced"
                + " r-7c1e.png\nFiles produced: r-7c1e.png (image/png)", "now do the same for the second one");
        assertEquals(List.of("image-segmentation"), types(second), second.toString());
        assertEquals("back.jpg", second.get(0).args().get("image"));

        List<PlannedTask> review = followUp("이 리뷰 긍정이야 부정이야? '배송은 빨랐는데 포장이 엉망이었어요'", "Workflow: 0"
                + " text-classification.\n- Task 0 (text-classification) with local/classifier: \"negative (0.71)\"",
                "두번째 리뷰도 봐줘: '가격 대비 진짜 만족합니다 재구매 의사 있어요'");
        assertEquals(List.of("text-classification"), types(review), review.toString());
        assertEquals("가격 대비 진짜 만족합니다 재구매 의사 있어요", review.get(0).args().get("text"));

        List<PlannedTask> translated = followUp("translate 'hello friends' into German", "Workflow: 0 translation.\n- Task 0"
                + " (translation) with local/apertium: \"Hallo Freunde\"", "what about this one: 'Good morning everyone'");
        assertEquals("German", translated.get(0).args().get("target_language"), translated.toString());
        assertEquals("Good morning everyone", translated.get(0).args().get("text"));
    }

    @Test
    void aFollowUpThatAsksAgainAfterSeveralTasksPlansThePreviousRequestOnTheNewInput() {
        List<PlannedTask> tasks = followUp("transcribe week1.mp3 and summarize it", "Workflow: 0 automatic-speech-recognition, 1"
                + " summarization.\n- Task 0 (automatic-speech-recognition) with local/pocketsphinx: \"welcome to week one\"\n- Task 1"
                + " (summarization) with local/summarizer: \"An introduction.\"", "same thing for week2.mp3 please");
        assertEquals(List.of("automatic-speech-recognition", "summarization"), types(tasks), tasks.toString());
        assertEquals("week2.mp3", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void aFollowUpThatDrawsOnThatMapDrawsOnTheMapTheLastAnswerMade() {
        String posed = "Workflow: 0 openpose-control.\n- Task 0 (openpose-control) with local/pose: produced r-52bd.png\nFiles produced:"
                + " r-52bd.png (image/png)";
        List<PlannedTask> glass = followUp("extract the pose from dancer_leap.jpg", posed, "nice, now use that pose to draw a ballerina made of glass");
        assertEquals(List.of("openpose-text-to-image"), types(glass), glass.toString());
        assertEquals(Map.of("text", "a ballerina made of glass", "image", "r-52bd.png"), glass.get(0).args());
        List<PlannedTask> korean = followUp("dancer.jpg 포즈 따서 우주비행사 그려줘", "Workflow: 0 openpose-control, 1 openpose-text-to-image.\n"
                + "- Task 0 (openpose-control) with local/pose: produced p-11a0.png\n- Task 1 (openpose-text-to-image) with local/painter:"
                + " produced r-11a1.png", "이번엔 같은 포즈로 발레리나 그려줘");
        assertEquals(Map.of("text", "발레리나", "image", "p-11a0.png"), korean.get(0).args(), korean.toString());
        List<PlannedTask> depth = followUp("get a depth control map of canyon.jpg", "Workflow: 0 depth-control.\n- Task 0 (depth-control)"
                + " with local/depth: produced r-3d1f.png", "now draw an alien desert with two suns using that map");
        assertEquals(List.of("depth-text-to-image"), types(depth), depth.toString());
        assertEquals("r-3d1f.png", depth.get(0).args().get("image"));
    }

    @Test
    void aFollowUpThatAsksAgainOfAFollowUpIsNotFollowedFurther() {
        List<ChatMessage> history = List.of(ChatMessage.user("same thing for week1.mp3"), new ChatMessage("assistant",
                "Workflow: 0 automatic-speech-recognition, 1 summarization.\n- Task 0 (automatic-speech-recognition): \"hi\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user("same thing for week2.mp3")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertTrue(result.tasks().stream().noneMatch(t -> t.task().equals("summarization")), result.toString());
    }

    @Test
    void twoAttachedRecordingsOrPicturesComparedAreEachMadeTextThenCompared() {
        ResourceRef first = new ResourceRef("r-00000000000000000031.wav", "original.wav", "audio/wav", 10);
        ResourceRef second = new ResourceRef("r-00000000000000000032.wav", "interpreted.wav", "audio/wav", 10);
        for (String request : List.of("두 녹음이 같은 내용 말하는 건지 비교해줘", "do these two recordings say the same thing?")) {
            List<PlannedTask> tasks = plan(request, first, second);
            assertEquals(List.of("automatic-speech-recognition", "automatic-speech-recognition", "sentence-similarity"), types(tasks),
                    request + ": " + tasks);
            assertEquals(Map.of("text", "<GENERATED>-0", "text2", "<GENERATED>-1"), tasks.get(2).args(), tasks.toString());
        }
        ResourceRef a = new ResourceRef("r-00000000000000000033.jpg", "a.jpg", "image/jpeg", 10);
        ResourceRef b = new ResourceRef("r-00000000000000000034.jpg", "b.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan("두 상품 사진 설명 뽑아서 얼마나 비슷한지 비교해 주세요. 짝퉁인지 확인하려고요", a, b);
        assertEquals(List.of("image-to-text", "image-to-text", "sentence-similarity"), types(tasks), tasks.toString());
        assertEquals(Map.of("text", "<GENERATED>-0", "text2", "<GENERATED>-1"), tasks.get(2).args(), tasks.toString());
    }

    @Test
    void aThingMadeThatNoPictureWordNamesIsAPictureWhenALaterTaskWorksOnItAsOne() {
        List<PlannedTask> tasks = plan("generate a misty mountain valley landscape and then estimate its depth");
        assertEquals(List.of("text-to-image", "depth-estimation"), types(tasks), tasks.toString());
        assertEquals("a misty mountain valley landscape", tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("image"));
        List<PlannedTask> logo = plan("create a logo for my bakery and detect the objects in it");
        assertEquals("a logo for my bakery", logo.get(0).args().get("text"), logo.toString());
    }

    @Test
    void aSecondQuestionAfterAndIsAskedOfThePicture() {
        ResourceRef cat = new ResourceRef("r-00000000000000000035.jpg", "cat.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan("found this cat outside, what breed is it and is it wearing a collar?", cat);
        assertEquals(List.of("image-classification", "visual-question-answering"), types(tasks), tasks.toString());
        assertEquals(cat.id(), tasks.get(1).args().get("image"));
        assertEquals("is it wearing a collar?", tasks.get(1).args().get("text"));
        List<PlannedTask> two = plan("what color is the car and is there a person in it?", cat);
        assertEquals(List.of("visual-question-answering", "visual-question-answering"), types(two), two.toString());
    }

    @Test
    void aFollowUpThatAsksAgainWithoutAnInputOfTheTasksKindIsNotTheTaskAgain() {
        List<ChatMessage> history = List.of(ChatMessage.user("describe street.jpg"), new ChatMessage("assistant",
                "Workflow: 0 image-to-text.\n- Task 0 (image-to-text) with local/describer: \"a narrow street\""));
        PlanningResult result = planner.plan(new UserRequest("r", "t", concat(history, ChatMessage.user("what about song.mp3?")),
                List.of(), RequestOptions.defaults(), Instant.now()));
        assertTrue(result.tasks().stream().noneMatch(t -> t.task().equals("image-to-text")), result.toString());
    }

    @Test
    void aKoreanPromptKeepsAWordThatEndsInTheParticlesSyllable() {
        List<PlannedTask> tasks = plan("거리 사진(street.png) 세그맵 뽑아서 그 구도 그대로 판타지 마을 그려줘");
        assertEquals("판타지 마을", tasks.get(1).args().get("text"), tasks.toString());
        assertEquals("귀여운 버섯 집", plan("내가 그린 낙서야 ㅋㅋ scribble.png 이걸 스케치 삼아서 귀여운 버섯 집 그려줘").get(0).args().get("text"));
    }

    @Test
    void aKoreanNameOfTheSummaryIsTheSummary() {
        List<PlannedTask> tasks = plan("주간회의 녹음(weekly_sync.wav) 받아쓰고 요약해 주세요. 요약본은 영어로도 번역해 주시고, 요약 읽어주는 음성"
                + " 파일도 하나 만들어 주세요");
        assertEquals(List.of("automatic-speech-recognition", "summarization", "translation", "text-to-speech"), types(tasks),
                tasks.toString());
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
        assertEquals("<GENERATED>-1", tasks.get(3).args().get("text"));
    }

    @Test
    void aRecordingCalledThisIsTranscribedForATextTask() {
        ResourceRef call = new ResourceRef("r-00000000000000000012.wav", "call.wav", "audio/wav", 10);
        List<PlannedTask> tasks = plan("고객센터 통화 녹음이에요. 이게 환불, 배송, 교환 문의 중에 뭔지 분류해주세요", call);
        assertEquals(List.of("automatic-speech-recognition", "zero-shot-classification"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void anAnalysisOfTheSummaryTheClauseNamesReadsTheSummary() {
        List<PlannedTask> tasks = plan("summarize article.txt and then list the people named in the summary");
        assertEquals(List.of("summarization", "token-classification"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    private static List<ChatMessage> concat(List<ChatMessage> history, ChatMessage last) {
        List<ChatMessage> all = new java.util.ArrayList<>(history);
        all.add(last);
        return all;
    }

    @Test
    void aDocumentTheClauseNamesByItsWordsIsItsInputBeforeAnEarlierOutput() {
        ResourceRef recording = new ResourceRef("r-00000000000000000010.wav", "meeting.wav", "audio/wav", 10);
        ResourceRef slides = new ResourceRef("r-00000000000000000011.pdf", "slides.pdf", "application/pdf", 10);
        List<PlannedTask> tasks = plan("Transcribe the recording and summarize the slides", recording, slides);
        assertEquals(List.of("automatic-speech-recognition", "summarization"), types(tasks));
        assertEquals(slides.id(), tasks.get(1).args().get("text"));
        assertEquals("<GENERATED>-0", plan("Transcribe the recording and summarize it", recording, slides).get(1).args().get("text"));
    }
}

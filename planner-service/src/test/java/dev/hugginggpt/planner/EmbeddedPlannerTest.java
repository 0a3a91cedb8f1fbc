package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedPlannerTest {
    private static final PlannerConfig CONFIG = new PlannerConfig() {
        public int maxTasks() {
            return 20;
        }

        public int llmRepairAttempts() {
            return 2;
        }

        public int llmContextTokens() {
            return 4000;
        }

        public Optional<String> llmBaseUrl() {
            return Optional.empty();
        }
    };

    private final EmbeddedPlanner planner = new EmbeddedPlanner(CONFIG);

    private PlanningResult plan(String text, ResourceRef... uploads) {
        return planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(uploads),
                RequestOptions.defaults(), Instant.now()));
    }

    @Test
    void readAloudAndLanguageAreTwoIndependentTasksOnTheQuotedText() {
        List<PlannedTask> tasks = plan("Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'").tasks();
        assertEquals(2, tasks.size());
        assertEquals("text-to-speech", tasks.get(0).task());
        assertEquals("text-classification", tasks.get(1).task());
        assertEquals("Bonjour tout le monde", tasks.get(0).args().get("text"));
        assertEquals("Bonjour tout le monde", tasks.get(1).args().get("text"));
        assertEquals(List.of(-1), tasks.get(1).dep());
    }

    @Test
    void koreanDescribeThenSpeakIsAChainOnTheUploadedImage() {
        ResourceRef cat = new ResourceRef("r-0123456789abcdef0123.jpg", "cat.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan("cat.jpg 사진을 설명하고 그 설명을 음성으로 읽어줘", cat).tasks();
        assertEquals(2, tasks.size(), tasks.toString());
        assertEquals("image-to-text", tasks.get(0).task());
        assertEquals(cat.id(), tasks.get(0).args().get("image"));
        assertEquals("text-to-speech", tasks.get(1).task());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    @Test
    void anImageTransformationCarriesItsInstructionInEnglishAndKorean() {
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "photo.png", "image/png", 10);
        List<PlannedTask> english = plan("Make photo.png black and white and rotate it to the left", photo).tasks();
        assertEquals("image-to-image", english.get(0).task(), english.toString());
        assertEquals(photo.id(), english.get(0).args().get("image"));
        assertTrue(english.get(0).args().get("text").contains("black and white"), english.toString());

        List<PlannedTask> korean = plan("photo.png 사진을 흑백으로 바꿔줘", photo).tasks();
        assertEquals("image-to-image", korean.get(0).task(), korean.toString());
        assertTrue(korean.get(0).args().get("text").contains("흑백"), korean.toString());
    }

    @Test
    void aPoseMapIsNotThePictureOfTheWomanThatLaterClausesMean() {
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "astronaut.png", "image/png", 10);
        List<PlannedTask> tasks = plan("Show the pose of the woman in astronaut.png, cut her out of the background, and find the"
                + " names of people and places in 'Barack Obama visited Paris with Angela Merkel in 2015.'", photo).tasks();
        assertEquals(List.of("openpose-control", "image-segmentation", "token-classification"),
                tasks.stream().map(PlannedTask::task).toList(), tasks.toString());
        assertEquals(photo.id(), tasks.get(0).args().get("image"));
        assertEquals(photo.id(), tasks.get(1).args().get("image"), "'her' is the woman in the photo, not her skeleton");
        assertEquals(List.of(-1), tasks.get(1).dep());
        assertEquals("Barack Obama visited Paris with Angela Merkel in 2015.", tasks.get(2).args().get("text"));
    }

    @Test
    void audioFlowsFromSpeechToTranscription() {
        List<PlannedTask> tasks = plan("Read 'good morning' aloud, then transcribe the recording").tasks();
        assertEquals("automatic-speech-recognition", tasks.get(1).task());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("audio"));
    }

    @Test
    void aTaskWithoutItsInputIsAClearFailure() {
        PlanningResult result = plan("Detect the objects in the picture");
        assertFalse(result.ok());
        assertTrue(result.failure().contains("no image"), result.failure());
    }

    @Test
    void smallTalkNeedsNoTask() {
        PlanningResult result = plan("Hello there");
        assertTrue(result.ok());
        assertEquals(List.of(), result.tasks());
    }

    @Test
    void koreanTranscribeThenTranslateTheResult() {
        List<PlannedTask> tasks = plan("meeting.wav 녹음을 받아 적고 그 결과를 영어로 번역해줘").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation"), names(tasks), tasks.toString());
        assertEquals("meeting.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    @Test
    void outputsFlowToTheNextTaskThatTakesTheirKind() {
        List<PlannedTask> tasks = plan("Generate an image of a red fox in the snow, then detect the objects in it"
                + " and read the labels aloud.").tasks();
        assertEquals(List.of("text-to-image", "object-detection", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("image"));
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
    }

    @Test
    void readingAnEarlierAnswerAloudSpeaksItAsItIs() {
        List<PlannedTask> tasks = plan("Tell me what colour the car in photo.jpg is and read that answer aloud.").tasks();
        assertEquals(List.of("visual-question-answering", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        tasks = plan("Tell me what is in photo.jpg and read that answer aloud.").tasks();
        assertEquals(List.of("object-detection", "text-to-speech"), names(tasks), "what a detector finds, spoken: " + tasks);
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        List<PlannedTask> dag = plan("Draw a picture of a red cat, then describe it, detect the objects in it, classify it"
                + " and tell me what color the cat is in it, and read that answer aloud.").tasks();
        assertEquals(List.of("text-to-image", "image-to-text", "object-detection", "image-classification",
                "visual-question-answering", "text-to-speech"), names(dag), dag.toString());
        assertEquals(List.of(4), dag.get(5).dep());
    }

    @Test
    void aTextTaskOnARecordingGetsATranscriptionFirst() {
        List<PlannedTask> tasks = plan("I recorded our team meeting as standup.wav. Could you summarize it for me?").tasks();
        assertEquals(List.of("automatic-speech-recognition", "summarization"), names(tasks), tasks.toString());
        assertEquals("standup.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void sceneSettingSentencesAskForNothing() {
        List<PlannedTask> tasks = plan("I have a recording of a lecture in talk.wav with a description of the slides."
                + " Please transcribe it.").tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(tasks), tasks.toString());
    }

    @Test
    void classifyingAPictureOfATableIsTabularClassification() {
        List<PlannedTask> tasks = plan("I took a photo of a table of sales figures, sales.png. Could you classify it?").tasks();
        assertEquals(List.of("tabular-classification"), names(tasks), tasks.toString());
        assertEquals("sales.png", tasks.get(0).args().get("image"));
    }

    @Test
    void aKoreanTableIsTheWordNotTheSyllable() {
        List<PlannedTask> table = plan("이 표 사진 sales.png를 분류해 줘").tasks();
        assertEquals(List.of("tabular-classification"), names(table), table.toString());
        List<PlannedTask> slide = plan("발표 사진 slide.png를 분류해 줘").tasks();
        assertEquals(List.of("image-classification"), names(slide), slide.toString());
    }

    @Test
    void twoQuotedSentencesAreComparedWithEachOther() {
        List<PlannedTask> tasks = plan("How similar are 'the cat sat on the mat' and 'a cat was sitting on the rug'?").tasks();
        assertEquals(List.of("sentence-similarity"), names(tasks), tasks.toString());
        assertEquals("the cat sat on the mat", tasks.get(0).args().get("text"));
        assertEquals("a cat was sitting on the rug", tasks.get(0).args().get("text2"));
    }

    @Test
    void aClauseNoRuleKnowsIsPlacedByItsNearestExemplar() {
        List<PlannedTask> tasks = plan("Could you split street.jpg into its regions?").tasks();
        assertEquals(List.of("image-segmentation"), names(tasks), tasks.toString());
        assertEquals("street.jpg", tasks.get(0).args().get("image"));
    }

    @Test
    void withoutEmbeddingsTheSameClauseIsNotPlanned() {
        EmbeddedPlanner rulesOnly = EmbeddedPlanner.rulesOnly(CONFIG);
        PlanningResult result = rulesOnly.plan(new UserRequest("r", "t",
                List.of(ChatMessage.user("Could you split street.jpg into its regions?")), List.of(),
                RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of(), result.tasks());
    }

    // plans the e2e tests (PipelineIT, LlmPipelineIT) depend on

    @Test
    void e2eTranslateTranscribeAndReadTheTranscriptAloud() {
        ResourceRef wav = new ResourceRef("r-0123456789abcdefABCD.wav", "speech.wav", "audio/wav", 10);
        List<PlannedTask> tasks = plan("Translate 'The weather is nice today and we are going to the beach with our friends.' into Spanish,"
                + " transcribe r-0123456789abcdefABCD.wav, and read the transcript aloud.", wav).tasks();
        assertEquals(List.of("translation", "automatic-speech-recognition", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("The weather is nice today and we are going to the beach with our friends.", tasks.get(0).args().get("text"));
        assertEquals("Spanish", tasks.get(0).args().get("target_language"));
        assertEquals(List.of(-1), tasks.get(0).dep());
        assertEquals(wav.id(), tasks.get(1).args().get("audio"));
        assertEquals(List.of(-1), tasks.get(1).dep());
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
        assertEquals(List.of(1), tasks.get(2).dep());
    }

    @Test
    void e2eSummarizeThenReadTheSummaryAloud() {
        List<PlannedTask> tasks = plan("Summarize 'The cat sat on the mat all day long.' and read it aloud").tasks();
        assertEquals(List.of("summarization", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("The cat sat on the mat all day long.", tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    @Test
    void e2eReadAQuoteAloudIsOneSpeechTask() {
        List<PlannedTask> tasks = plan("Read 'The quick brown fox jumps over the lazy dog.' aloud.").tasks();
        assertEquals(List.of("text-to-speech"), names(tasks), tasks.toString());
        assertEquals("The quick brown fox jumps over the lazy dog.", tasks.get(0).args().get("text"));
    }

    // repeated task types

    @Test
    void aTaskAskedForAgainOnAnotherInputIsPlannedAgain() {
        List<PlannedTask> tasks = plan("Read 'A cat sat.' aloud and transcribe that recording,"
                + " and read 'A dog ran.' aloud and transcribe that recording too.").tasks();
        assertEquals(List.of("text-to-speech", "automatic-speech-recognition", "text-to-speech", "automatic-speech-recognition"),
                names(tasks), tasks.toString());
        assertEquals("A cat sat.", tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("audio"));
        assertEquals(List.of(0), tasks.get(1).dep());
        assertEquals("A dog ran.", tasks.get(2).args().get("text"));
        assertEquals("<GENERATED>-2", tasks.get(3).args().get("audio"));
        assertEquals(List.of(2), tasks.get(3).dep());
    }

    @Test
    void twoQuotesSummarizedAreTwoSummaries() {
        List<PlannedTask> tasks = plan("Summarize 'The cat sat on the mat all day long.'"
                + " and also summarize 'A long day at the office ended with pizza.'").tasks();
        assertEquals(List.of("summarization", "summarization"), names(tasks), tasks.toString());
        assertEquals("A long day at the office ended with pizza.", tasks.get(1).args().get("text"));
    }

    @Test
    void translatingIntoTwoLanguagesIsTwoTranslations() {
        List<PlannedTask> tasks = plan("Transcribe meeting.wav, translate it into German and then translate it into French.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation", "translation"), names(tasks), tasks.toString());
        assertEquals("German", tasks.get(1).args().get("target_language"));
        assertEquals("French", tasks.get(2).args().get("target_language"));
    }

    @Test
    void koreanAgainMakesASecondTranslation() {
        List<PlannedTask> tasks = plan("meeting.wav 녹음을 받아 적고 그 결과를 영어로 번역해줘. 그것을 또 번역해줘.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation", "translation"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
    }

    @Test
    void aClauseThatRestatesAPlannedTaskAddsNothing() {
        List<PlannedTask> tasks = plan("Please transcribe standup.wav. I need the transcription of standup.wav.").tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(tasks), tasks.toString());
    }

    @Test
    void aTaskOnTheOutputOfItsOwnKindIsARestatement() {
        List<PlannedTask> tasks = plan("Summarize the article in notes.txt and then give me the summary.").tasks();
        assertEquals(List.of("summarization"), names(tasks), tasks.toString());
    }

    // arguments the local models read

    @Test
    void translationNamesItsTargetLanguage() {
        assertEquals("French", plan("Translate 'good morning' to French").tasks().get(0).args().get("target_language"));
        List<PlannedTask> korean = plan("'오늘은 날씨가 좋다'를 스페인어로 번역해줘").tasks();
        assertEquals(List.of("translation"), names(korean), korean.toString());
        assertEquals("오늘은 날씨가 좋다", korean.get(0).args().get("text"));
        assertEquals("Spanish", korean.get(0).args().get("target_language"));
    }

    @Test
    void aPassageAfterAColonIsTheTextOfTheTasksThatComeBeforeIt() {
        List<PlannedTask> korean = plan("다음 문장을 영어로 번역하고 그 번역을 소리내어 읽어줘: 오늘은 날씨가 정말 좋네요").tasks();
        assertEquals(List.of("translation", "text-to-speech"), names(korean), korean.toString());
        assertEquals("오늘은 날씨가 정말 좋네요", korean.get(0).args().get("text"));
        assertEquals("English", korean.get(0).args().get("target_language"));
        assertEquals("<GENERATED>-0", korean.get(1).args().get("text"));

        List<PlannedTask> english = plan("Translate the following into Spanish and then read it aloud: good morning everyone").tasks();
        assertEquals(List.of("translation", "text-to-speech"), names(english), english.toString());
        assertEquals("good morning everyone", english.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", english.get(1).args().get("text"));
    }

    @Test
    void aPassageOfSeveralSentencesAfterAColonIsOneText() {
        String article = "서울시는 내년부터 대중교통 요금을 인상한다고 발표했다. 시민들은 부담이 커질 것이라며 우려를 나타냈다. "
                + "시는 적자 누적으로 인상이 불가피하다고 설명했다.";
        List<PlannedTask> korean = plan("이 글을 요약해 줘: " + article).tasks();
        assertEquals(List.of("summarization"), names(korean), korean.toString());
        assertEquals(article, korean.get(0).args().get("text"));

        String review = "The new library opened downtown last week. Visitors praised the bright reading rooms. Parking remains difficult.";
        List<PlannedTask> english = plan("Summarize this text and read the summary aloud: " + review).tasks();
        assertEquals(List.of("summarization", "text-to-speech"), names(english), english.toString());
        assertEquals(review, english.get(0).args().get("text"));
    }

    @Test
    void sentencesAfterAColonThatAskForSomethingAreRequestsNotText() {
        List<PlannedTask> tasks = plan("I wrote a note: The meeting moved to Friday. Can you read it aloud?").tasks();
        assertEquals(List.of("text-to-speech"), names(tasks), tasks.toString());
        List<PlannedTask> korean = plan("메모를 남겼어: 회의가 금요일로 옮겨졌다. 이 메모를 소리내어 읽어줘.").tasks();
        assertEquals(List.of("text-to-speech"), names(korean), korean.toString());
    }

    @Test
    void anInstructionAfterAColonIsARequest() {
        List<PlannedTask> tasks = plan("Two things: summarize notes.txt. Then read the summary aloud.").tasks();
        assertEquals(List.of("summarization", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("notes.txt", tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void aRequestThatRefersBackTakesItsTextFromTheConversation() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Translate 'good morning my friends' into Spanish"),
                new ChatMessage("assistant", "Workflow: 0 translation.\n- Task 0 (translation) with local/apertium: \"buenos días mis amigos\""),
                ChatMessage.user("Now read it aloud"));
        List<PlannedTask> tasks = planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("text-to-speech"), names(tasks), tasks.toString());
        assertEquals("buenos días mis amigos", tasks.get(0).args().get("text"));

        List<ChatMessage> korean = List.of(ChatMessage.user("오늘 일정을 알려줘"), new ChatMessage("assistant", "오후 세 시에 회의가 있습니다."),
                ChatMessage.user("그것을 소리내어 읽어줘"));
        List<PlannedTask> spoken = planner.plan(new UserRequest("r", "t", korean, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("text-to-speech"), names(spoken), spoken.toString());
        assertEquals("오후 세 시에 회의가 있습니다.", spoken.get(0).args().get("text"));
    }

    @Test
    void aRequestThatRefersBackToAFileTakesTheLatestTheConversationNamed() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Read 'please call me tomorrow' aloud"),
                new ChatMessage("assistant", "Workflow: 0 text-to-speech.\n- Task 0 (text-to-speech) with local/espeak-ng: produced"
                        + " r-0cd92487d3c84f94802c.wav\nFiles produced: r-0cd92487d3c84f94802c.wav (audio/wav)"),
                ChatMessage.user("Here is another one: r-1111111111aaaaaaaaaa.wav, and a photo r-2222222222bbbbbbbbbb.jpg"),
                new ChatMessage("assistant", "Noted."),
                ChatMessage.user("Now transcribe that recording"));
        List<PlannedTask> tasks = planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(tasks), tasks.toString());
        assertEquals("r-1111111111aaaaaaaaaa.wav", tasks.get(0).args().get("audio"), "the latest recording named");
        List<PlannedTask> dictated = planner.plan(new UserRequest("r", "t", List.of(conversation.get(0), conversation.get(1),
                ChatMessage.user("이제 그 녹음을 받아써 줘")), List.of(), RequestOptions.defaults(), Instant.now())).tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(dictated), "받아쓰다 (dictate): " + dictated);
        assertEquals("r-0cd92487d3c84f94802c.wav", dictated.get(0).args().get("audio"));

        List<ChatMessage> korean = List.of(ChatMessage.user("이 사진 r-2222222222bbbbbbbbbb.jpg 를 저장해 줘"),
                new ChatMessage("assistant", "저장했습니다."), ChatMessage.user("그 사진에서 객체를 탐지해 줘"));
        List<PlannedTask> found = planner.plan(new UserRequest("r", "t", korean, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("object-detection"), names(found), found.toString());
        assertEquals("r-2222222222bbbbbbbbbb.jpg", found.get(0).args().get("image"));

        List<PlannedTask> objects = planner.plan(new UserRequest("r", "t", List.of(korean.get(0), korean.get(1),
                ChatMessage.user("그 사진에 있는 물체를 찾아줘")), List.of(), RequestOptions.defaults(), Instant.now())).tasks();
        assertEquals(List.of("object-detection"), names(objects), "물체 (objects) as well as 객체: " + objects);
    }

    @Test
    void aRequestThatNeedsAFileAndHasNoneInTheConversationStillSaysSo() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Translate 'good morning' into Spanish"),
                new ChatMessage("assistant", "\"buenos días\""), ChatMessage.user("Now transcribe that recording"));
        PlanningResult result = planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(),
                Instant.now()));
        assertTrue(result.failure().contains("gives no audio"), String.valueOf(result.failure()));
    }

    @Test
    void aQuestionAfterAColonIsAnsweredFromTheLabelledContext() {
        List<PlannedTask> tasks = plan("Answer this question: what is the capital of France? Context: Paris is the capital"
                + " and largest city of France. It has two million inhabitants.").tasks();
        assertEquals(List.of("question-answering"), names(tasks), tasks.toString());
        assertEquals("what is the capital of France?", tasks.get(0).args().get("text"));
        assertEquals("Paris is the capital and largest city of France. It has two million inhabitants.",
                tasks.get(0).args().get("context"));
    }

    @Test
    void koreanRequestsJoinedByJugoAreTwoTasks() {
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "photo.png", "image/png", 10);
        List<PlannedTask> tasks = plan("이 사진에서 얼굴을 찾아주고 사진을 흑백으로 바꿔줘", photo).tasks();
        assertEquals(List.of("object-detection", "image-to-image"), names(tasks), tasks.toString());
    }

    @Test
    void translationWithoutALanguageNamesNone() {
        List<PlannedTask> tasks = plan("Translate 'guten Morgen'").tasks();
        assertEquals(List.of("translation"), names(tasks), tasks.toString());
        assertFalse(tasks.get(0).args().containsKey("target_language"), tasks.toString());
    }

    @Test
    void listedCandidateLabelsMakeAZeroShotClassification() {
        List<PlannedTask> tasks = plan("Classify 'The team won the championship last night' as sports, politics or tech.").tasks();
        assertEquals(List.of("zero-shot-classification"), names(tasks), tasks.toString());
        assertEquals("The team won the championship last night", tasks.get(0).args().get("text"));
        assertEquals("sports, politics, tech", tasks.get(0).args().get("labels"));

        List<PlannedTask> korean = plan("'새 스마트폰이 출시되었다'를 스포츠, 정치, 기술 중 하나로 분류해줘").tasks();
        assertEquals(List.of("zero-shot-classification"), names(korean), korean.toString());
        assertEquals("스포츠, 정치, 기술", korean.get(0).args().get("labels"));

        for (String asked : List.of("Which of these labels fits 'The stock market crashed today': sports, finance, politics?",
                "Which topic is 'The stock market crashed today' about: sports, finance or politics?")) {
            List<PlannedTask> question = plan(asked).tasks();
            assertEquals(List.of("zero-shot-classification"), names(question), asked + " " + question);
            assertEquals("The stock market crashed today", question.get(0).args().get("text"), asked);
            assertEquals("sports, finance, politics", question.get(0).args().get("labels"), asked);
        }
    }

    @Test
    void positiveOrNegativeIsSentimentNotZeroShot() {
        List<PlannedTask> tasks = plan("Is 'I love this movie' positive or negative?").tasks();
        assertEquals(List.of("text-classification"), names(tasks), tasks.toString());
    }

    @Test
    void aQuotedPassageIsTheContextOfTheQuestionAskedAboutIt() {
        List<PlannedTask> tasks = plan("Based on 'The Eiffel Tower was completed in 1889 in Paris.', when was the Eiffel Tower completed?").tasks();
        assertEquals(List.of("question-answering"), names(tasks), tasks.toString());
        assertEquals("when was the Eiffel Tower completed?", tasks.get(0).args().get("text"));
        assertEquals("The Eiffel Tower was completed in 1889 in Paris.", tasks.get(0).args().get("context"));
    }

    @Test
    void aQuotedQuestionOnADocumentTakesTheDocumentAsContext() {
        List<PlannedTask> tasks = plan("Answer 'Who signed the contract?' using contract.txt").tasks();
        assertEquals(List.of("question-answering"), names(tasks), tasks.toString());
        assertEquals("Who signed the contract?", tasks.get(0).args().get("text"));
        assertEquals("contract.txt", tasks.get(0).args().get("context"));
    }

    @Test
    void aTranscriptIsComparedWithAQuotedSentence() {
        List<PlannedTask> tasks = plan("Transcribe memo.wav and check how similar it is to 'meet me at noon'.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "sentence-similarity"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals("meet me at noon", tasks.get(1).args().get("text2"));
    }

    // reading the request: which clauses ask, and for what

    @Test
    void possessionAndHelpOnlySentencesAskForNothing() {
        List<PlannedTask> tasks = plan("I have a photo named garden.jpg. Can you help me with this? Please segment garden.jpg into regions.").tasks();
        assertEquals(List.of("image-segmentation"), names(tasks), tasks.toString());
    }

    @Test
    void aQuestionRestatingTheComparisonAddsNoQuestionAnswering() {
        List<PlannedTask> tasks = plan("Compare 'the cat sleeps' and 'a cat is sleeping'. Could you tell me how similar they are?").tasks();
        assertEquals(List.of("sentence-similarity"), names(tasks), tasks.toString());
    }

    @Test
    void aSentenceGoingOnWithSuchAsStillAsks() {
        List<PlannedTask> tasks = plan("Could you help me with a few things? Such as transcribing memo.wav and translating the transcript into Spanish.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void describingDetectedObjectsIsWritingFromTheDetections() {
        List<PlannedTask> tasks = plan("Detect the objects in street.jpg, then describe these objects to me in German.").tasks();
        assertEquals(List.of("object-detection", "text-generation", "translation"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals("German", tasks.get(2).args().get("target_language"));
    }

    @Test
    void aResultNamedByItsTaskIsNotAskedForAgain() {
        List<PlannedTask> tasks = plan("Transcribe memo.wav and chat with me using the transcribed text.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "conversational"), names(tasks), tasks.toString());
    }

    @Test
    void anInputNamedByItsResultComesFromThatTask() {
        List<PlannedTask> tasks = plan("Transcribe memo.wav, summarize the transcription, translate the summary into French,"
                + " and generate an image from the transcription.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "summarization", "translation", "text-to-image"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(3).args().get("text"));
    }

    @Test
    void comparingTwoResultsTakesBoth() {
        List<PlannedTask> tasks = plan("Transcribe memo.wav, summarize it, and tell me how similar the two texts are.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "summarization", "sentence-similarity"), names(tasks), tasks.toString());
        assertEquals(java.util.Set.of("<GENERATED>-0", "<GENERATED>-1"),
                java.util.Set.of(tasks.get(2).args().get("text"), tasks.get(2).args().get("text2")));
    }

    @Test
    void aQuestionOnANamedPictureIsVisualQuestionAnswering() {
        List<PlannedTask> tasks = plan("Transcribe question.wav and answer that question using photo.jpg.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "visual-question-answering"), names(tasks), tasks.toString());
        assertEquals("photo.jpg", tasks.get(1).args().get("image"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void theEmotionOfASpeakerIsAudioClassification() {
        List<PlannedTask> tasks = plan("What emotion does the speaker express in call.wav?").tasks();
        assertEquals(List.of("audio-classification"), names(tasks), tasks.toString());
    }

    @Test
    void wordsAskedSpokenInAnotherLanguageAreTranslatedBeforeTheyAreSpoken() {
        List<PlannedTask> tasks = plan("Read 'good night' aloud in Spanish.").tasks();
        assertEquals(List.of("translation", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("good night", tasks.get(0).args().get("text"));
        assertEquals("Spanish", tasks.get(0).args().get("target_language"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void afterAConditionOnEarlierWorkTheImperativeAsks() {
        List<PlannedTask> tasks = plan("Please classify bird.jpg. After classifying it, turn the label into speech.").tasks();
        assertEquals(List.of("image-classification", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void aVerbCutFromItsObjectReadsWithTheNextClause() {
        List<PlannedTask> tasks = plan("Could you help me identify and label the objects in street.jpg?").tasks();
        assertEquals(List.of("object-detection"), names(tasks), tasks.toString());
    }

    @Test
    void anEditThatSpellsNothingOutFollowsTheTextJustMade() {
        List<PlannedTask> tasks = plan("Transcribe notes.wav, then modify photo.jpg the way it says.").tasks();
        assertEquals(List.of("automatic-speech-recognition", "image-editing"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals("photo.jpg", tasks.get(1).args().get("image"));
    }

    @Test
    void enhancingItMeansTheMediumItIs() {
        List<PlannedTask> tasks = plan("Read 'welcome aboard' aloud and then enhance it.").tasks();
        assertEquals(List.of("text-to-speech", "audio-to-audio"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("audio"));
    }

    @Test
    void turningARecordingIntoTextInAnotherLanguageTranscribesThenTranslates() {
        List<PlannedTask> tasks = plan("Could you turn talk.wav into text in French?").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation"), names(tasks), tasks.toString());
        assertEquals("talk.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void askingWhatTheWritingInAPictureSaysIsReadingIt() {
        ResourceRef sign = new ResourceRef("r-0123456789abcdef0123.png", "sign.png", "image/png", 10);
        List<PlannedTask> readAloud = plan("What does the text in this image say? Then read it aloud.", sign).tasks();
        assertEquals(List.of("image-to-text", "text-to-speech"), names(readAloud), readAloud.toString());
        assertEquals("<GENERATED>-0", readAloud.get(1).args().get("text"));
        assertEquals(List.of("image-to-text"), names(plan("Which words in this photo can you read?", sign).tasks()));
        assertEquals(List.of("image-to-text"), names(plan("이 사진에 뭐라고 쓰여 있어?", sign).tasks()));
        ResourceRef song = new ResourceRef("r-0123456789abcdef0124.wav", "song.wav", "audio/wav", 10);
        List<PlannedTask> lyrics = plan("What do the words in this song say?", song).tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(lyrics), "words in a song are heard, not read: " + lyrics);
    }

    @Test
    void askingWhoOrWhereATextMentionsIsNamedEntityRecognition() {
        List<PlannedTask> english = plan("Who is mentioned in this sentence: 'Barack Obama met Angela Merkel in Berlin on Monday.'").tasks();
        assertEquals(List.of("token-classification"), names(english), english.toString());
        assertEquals("Barack Obama met Angela Merkel in Berlin on Monday.", english.get(0).args().get("text"));
        List<PlannedTask> korean = plan("이 문장에 나오는 사람과 장소를 찾아줘: '세종대왕은 서울에서 태어났다'").tasks();
        assertEquals(List.of("token-classification"), names(korean), korean.toString());
        assertEquals("세종대왕은 서울에서 태어났다", korean.get(0).args().get("text"));
    }

    @Test
    void countingThingsADetectorFindsIsDetection() {
        ResourceRef crowd = new ResourceRef("r-0123456789abcdef0125.jpg", "crowd.jpg", "image/jpeg", 10);
        assertEquals(List.of("object-detection"), names(plan("Count the people in this picture", crowd).tasks()));
        assertEquals(List.of("object-detection"), names(plan("How many people are in this photo?", crowd).tasks()));
        assertEquals(List.of("object-detection"), names(plan("Count how many dogs are in this photo", crowd).tasks()));
        assertEquals(List.of("visual-question-answering"), names(plan("How many windows does the house in this photo have?", crowd).tasks()));
        List<PlannedTask> korean = plan("이 사진에서 사람을 찾고 포즈를 추정해 줘", crowd).tasks();
        assertEquals(List.of("object-detection", "openpose-control"), names(korean), korean.toString());
        assertEquals(List.of(-1), korean.get(1).dep(), "both read the photo: " + korean);
    }

    @Test
    void makingThatPhotoBlackAndWhiteChangesItAndDoesNotDrawANewOne() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Find the faces in this photo (attached: r-2222222222bbbbbbbbbb.jpg)"),
                new ChatMessage("assistant", "2 faces found"), ChatMessage.user("Now make that photo black and white"));
        List<PlannedTask> grey = planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("image-to-image"), names(grey), grey.toString());
        assertEquals("r-2222222222bbbbbbbbbb.jpg", grey.get(0).args().get("image"));
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "photo.png", "image/png", 10);
        assertEquals(List.of("image-to-image"), names(plan("Make the photo black and white", photo).tasks()),
                "'photo black' is not 'to black'");
        assertEquals(List.of("image-to-image"), names(plan("Make this picture a bit brighter", photo).tasks()));
        assertEquals(List.of("text-to-image"), names(plan("Make a picture of a red cat").tasks()));
    }

    @Test
    void drawingTheEdgesOfAPictureIsAnEdgeMapNotANewPicture() {
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "photo.png", "image/png", 10);
        List<PlannedTask> tasks = plan("Find the faces in this photo and draw the edges of that one", photo).tasks();
        assertEquals(List.of("object-detection", "canny-control"), names(tasks), tasks.toString());
        assertEquals("r-0123456789abcdef0123.png", tasks.get(1).args().get("image"));
        assertEquals(List.of("canny-control"), names(plan("Draw the outlines in this photo", photo).tasks()));
        List<PlannedTask> pose = plan("Detect the people in this photo and draw their pose", photo).tasks();
        assertEquals(List.of("object-detection", "openpose-control"), names(pose), pose.toString());
        assertEquals(List.of("text-to-image"), names(plan("Draw a cat on a skateboard").tasks()));
    }

    @Test
    void aTaskOnAPictureTheSameClauseMakesRunsOnThatPicture() {
        List<PlannedTask> dog = plan("Detect the objects in a drawing of a dog and tell me how many there are").tasks();
        assertEquals(List.of("text-to-image", "object-detection", "visual-question-answering"), names(dog), dog.toString());
        assertEquals("<GENERATED>-0", dog.get(1).args().get("image"));
        assertEquals(List.of(0), dog.get(1).dep());
        ResourceRef photo = new ResourceRef("r-0123456789abcdef0123.png", "photo.png", "image/png", 10);
        assertEquals(List.of("object-detection"), names(plan("Detect the objects in this drawing", photo).tasks()),
                "an attached drawing is detected in, not drawn again");
    }

    @Test
    void aPictureToMakeIsDescribedByTheClauseNotTheWholeRequest() {
        List<PlannedTask> lake = plan("Generate an image of a mountain lake at sunrise and then describe it").tasks();
        assertEquals(List.of("text-to-image", "image-to-text"), names(lake), lake.toString());
        assertEquals("a mountain lake at sunrise", lake.get(0).args().get("text"));
        assertEquals("a cat on a skateboard", plan("Draw a cat on a skateboard").tasks().get(0).args().get("text"));
        assertEquals("a red cat", plan("Draw a picture of a red cat, then detect the objects in it").tasks().get(0).args().get("text"));
        assertEquals("a dragon over the sea", plan("Draw 'a dragon over the sea'").tasks().get(0).args().get("text"));
        List<PlannedTask> sunset = plan("Paint a sunset over the ocean and read a description of it aloud").tasks();
        assertEquals(List.of("text-to-image", "image-to-text", "text-to-speech"), names(sunset), sunset.toString());
        assertEquals("a sunset over the ocean", sunset.get(0).args().get("text"));
        List<PlannedTask> fromText = plan("Summarize 'A long day at the beach with friends and a dog.' and draw it").tasks();
        assertEquals("<GENERATED>-0", fromText.get(fromText.size() - 1).args().get("text"), fromText.toString());
    }

    @Test
    void askingWhatASpeakerSaysIsTranscribingTheRecording() {
        ResourceRef call = new ResourceRef("r-0123456789abcdef0126.wav", "call.wav", "audio/wav", 10);
        List<PlannedTask> tasks = plan("What is the speaker saying? Translate it into Spanish.", call).tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation"), names(tasks),
                "not a question answered from the request's own words: " + tasks);
        assertEquals("r-0123456789abcdef0126.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of("automatic-speech-recognition"), names(plan("What are they talking about in this clip?", call).tasks()));
    }

    @Test
    void aRequestThatIsOnlyTheAskingGivesItsTextTaskNoTextAndSaysSo() {
        for (String asking : List.of("Summarize", "Translate into Spanish", "Read it aloud", "What language is it?",
                "Detect the sentiment", "이 문장을 요약해 줘", "영어로 번역해 줘")) {
            PlanningResult result = plan(asking);
            assertTrue(result.tasks().isEmpty(), asking + " planned " + result.tasks());
            assertTrue(String.valueOf(result.failure()).contains("gives it no text"), asking + ": " + result.failure());
        }
        String question = String.valueOf(plan("What is the capital of France?").failure());
        assertTrue(question.contains("no text to find its answer in") && question.contains("know no facts"), question);
        List<PlannedTask> hello = plan("Translate hello into Spanish").tasks();
        assertEquals(List.of("translation"), names(hello), "a word of its own is the text");
        List<PlannedTask> passage = plan("Summarize the meeting where the council discussed the new park and its budget").tasks();
        assertEquals(List.of("summarization"), names(passage), "a passage written into the request is its text");
        List<ChatMessage> conversation = List.of(ChatMessage.user("Translate 'good night' into Spanish"),
                new ChatMessage("assistant", "\"buenas noches\""), ChatMessage.user("Read it aloud"));
        List<PlannedTask> spoken = planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(),
                Instant.now())).tasks();
        assertEquals(List.of("text-to-speech"), names(spoken), "'it' is the earlier answer: " + spoken);
    }

    private static List<String> names(List<PlannedTask> tasks) {
        return tasks.stream().map(PlannedTask::task).toList();
    }
}

package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.bench.PlanningBenchmark;
import dev.hugginggpt.planner.conversation.SmallTalk;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conversation without tasks: greetings, "who are you", "what can you do", thanks plan nothing; requests still plan. */
class ConversationPlanningTest {
    private final EmbeddedPlanner planner = new EmbeddedPlanner(PlanningBenchmark.benchConfig());

    private PlanningResult plan(String text) {
        return planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(), RequestOptions.defaults(),
                Instant.now()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello, who are you?", "hi", "What can you do?", "What can you do offline?", "Thanks, that was great!",
        "Good morning!", "thank you so much", "Who made you?", "Hi there! How's your day going?", "안녕하세요, 뭘 할 수 있어요?", "고마워요!", "What models do you have?",
        "haha thanks, that helped a lot", "Thanks, that worked!", "ㅋㅋ 감사합니다 도움이 많이 됐어요", "덕분에 잘 해결했어요 ㅎㅎ",
        "thanks, that was super helpful!!", "오 진짜 빠르다 ㅋㅋ 고마워", "넌 누가 만들었어?", "ok bye, have a good one",
        "do you support video at all? like can i send you an mp4 later", "what kinds of files can i upload here?",
        "quick question before i start - is my data stored anywhere after i upload it?", "can you remember what we talked about yesterday?",
        "how do you decide which model to use for my request?", "혹시 이미지 여러 장 한 번에 올려도 돼요?",
        "oops, wrong window. ignore that", "do you keep copies of the audio files i upload, or do they get deleted after?",
        "what's the difference between you and a normal chatbot?", "너는 한국어 말고 또 어떤 언어 알아들어?",
        "혹시 제가 올린 사진들 다른 사람들도 볼 수 있어요?", "ㅋㅋ대박 완전 마음에 들어요 감사감사 🙏",
        "yo! first time using this thing 😅 what kind of stuff can you do for me?", "Is there a size limit on uploads? My video is around 2 GB.",
        "good evening! hope your day's going well", "수고했어~ 오늘은 여기까지! 잘자 🌙", "why did that last one take so long?",
        "alright that's all for today, catch you tomorrow", "Do you have a name? What should I call you?",
        "Honestly not sure what to ask yet. Are you running on my computer or somewhere in the cloud?", "ㅇㅋ 알겠어 담에 또 올게~",
        "Sorry for all the back-and-forth earlier, I know I was being really picky 😅", "너 인터넷 검색도 할 수 있어?",
        "ㅋㅋㅋ 그림 진짜 귀엽다 우리 애가 엄청 좋아해요", "오늘 답변들 너무 친절하셨어요 진짜 감사합니다~",
        "Quick question — can you open .zip archives, or do I have to unzip everything before uploading?"})
    void smallTalkPlansNoTask(String message) {
        assertTrue(SmallTalk.is(message) || SmallTalk.addressesTheAssistant(message), message);
        PlanningResult result = plan(message);
        assertTrue(result.ok(), result.failure());
        assertEquals(List.of(), result.tasks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"out of curiosity, which model did you use for that transcription?", "how long of a video can u handle",
        "are you chatgpt or something else", "안녕~ 넌 정확히 뭐 하는 애야? ㅋㅋ", "한국어로 물어봐도 돼요? 영어를 잘 못해서요 ㅠㅠ", "혹시 동영상 만들 때 길이 제한 있어요? 몇 분짜리까지 되나요?",
        "Just wondering - do you support video editing, or only images and audio?",
        "how long do you keep my recordings? they're confidential client calls and I need to know before uploading anything",
        "What's the longest audio clip you can handle? I've got a bunch of 3-hour board meeting recordings",
        "what audio formats can i upload? my recorder saves in some weird format",
        "Is the stuff I upload kept after the session ends, or is it deleted?",
        "what does 'text2text generation' even mean? just curious, don't run anything", "혹시 영상 만들면 최대 몇 초까지 되나요?",
        "안녕하세요~ 처음 써보는데 여기서 뭐뭐 할 수 있는 거예요?", "ㅎㅇㅎㅇ", "ok nevermind, i'll sort it out myself later. bye!",
        "are the photos i upload used to train your models? asking for my clinic's privacy policy", "what languages can you translate between?",
        "can you handle videos longer than 10 minutes or is there a limit", "nvm, figured it out myself",
        "is there a file size limit? my video is like 2gb", "can you output mp3 instead of wav for the speech stuff?",
        "혹시 한국어로 말해도 알아들어?", "perfect thats exactly it ty", "ok thats all for today, night!",
        "how much is this per month? is there a free tier or do i need to put a card in", "영상은 몇 분짜리까지 올릴 수 있어요? 용량 제한도 있나요",
        "whats the longest audio file i can upload. my sermons run about an hour and a half",
        "혹시 제가 올린 사진들 다른 사람도 볼 수 있나요? 애들 사진이라 좀 걱정돼서요",
        "whats the difference between canny and hed anyway? just curious, not asking you to run anything",
        "방금 만든 그림 어떤 설정으로 만든 거예요?", "어떤 작업들 할 수 있는지 목록으로 보여줄 수 있어요?",
        "do you keep the photos i upload? kinda worried since they're pics of my kids", "안녕하세요~ 혹시 동영상 편집도 되나요? 유튜브 브이로그 컷 편집 같은 거요",
        "방금 만든 그림 어디에 저장된 거예요? 다운로드는 어떻게 해요?", "took forever lol, is that normal for videos?"})
    void questionsAboutTheSystemAndFarewellsPlanNoTask(String message) {
        PlanningResult result = plan(message);
        assertTrue(result.ok(), message + ": " + result.failure());
        assertEquals(List.of(), result.tasks(), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"which model did you use for that? also transcribe call.wav", "그럼 육아휴직은 최대 몇 개월까지 쓸 수 있대?",
        "what formats can i upload? anyway, describe photo.jpg"})
    void aQuestionAboutTheSystemBesideAFileOrAboutTheContentIsNotConversation(String message) {
        assertFalse(SmallTalk.asksAboutTheSystem(message), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello, can you transcribe speech.wav?", "What can you do with this picture cat.jpg?",
        "Thanks! Now read 'merci' aloud", "ㅎㅎ 고마워요, 이제 'merci'를 음성으로 읽어줘", "hi, translate 'good night' into Spanish", "Who is in photo.jpg?"})
    void aRequestWithAGreetingIsStillARequest(String message) {
        assertFalse(SmallTalk.is(message), message);
        assertFalse(plan(message).tasks().isEmpty(), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please unify the weather and the flux capacitor", "Make it better", "Hmm, the thing from yesterday?"})
    void aRequestWithNoTaskFailsWithTheReasonRatherThanBeingAnsweredAsConversation(String message) {
        assertFalse(SmallTalk.is(message), message);
        PlanningResult result = plan(message);
        assertFalse(result.ok(), message + ": " + result.tasks());
        assertEquals(EmbeddedPlanner.NO_TASK_FOUND, result.failure());
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void longGreetingsAreNotReadAsSmallTalk(int length) {
        assertFalse(SmallTalk.is("hello ".repeat(length / 6)));
    }
}

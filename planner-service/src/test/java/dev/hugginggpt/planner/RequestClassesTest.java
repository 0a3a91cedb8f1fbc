package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extract a depth control map from statue.jpg, i'll feed it to controlnet myself | depth-control",
        "i want a soft HED boundary map of flower.jpg | hed-control",
        "get me the straight line map (mlsd) of hallway.jpg | mlsd-control",
        "make a normal map from stone.png for my game asset | normal-control",
        "can u give me the seg control map of plaza.jpg? | seg-control",
        "turn plaza.jpg into a rough scribble control map | scribble-control",
        "statue.png 노멀맵 추출해 주세요 | normal-control"})
    void aShapeAskedForAloneIsItsControlTask(String request, String task) {
        assertEquals(List.of(task), types(plan(request)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i already have a depth map (canyon.png). generate a lush rainforest canyon that matches it | depth | canyon.png",
        "use hed_sketch.png (it's already an HED map) to draw a cozy bookshop storefront | hed | hed_sketch.png",
        "kitchen.png is an M-LSD line map of my kitchen. render a modern scandinavian kitchen from it | mlsd | kitchen.png",
        "street.png is a segmentation map. generate a rainy tokyo street at night from it | seg | street.png",
        "제가 만든 canny 엣지맵 car.png 따라서 빨간 스포츠카 그려주세요 | canny | car.png",
        "이 노멀맵 vase.png 써서 청자 화병 이미지 만들어줘 | normal | vase.png",
        "kid.png를 스크리블 맵으로 그대로 써서 진짜 같은 공룡 그림으로 만들어줘 | scribble | kid.png",
        "I've got a straight-line (MLSD) map of a bridge at /maps/bridge.png, can you draw a rope bridge using it? | mlsd | /maps/bridge.png",
        "girl.png는 이미 HED 맵이야. 이 맵 그대로 써서 우주복 입은 소녀 그려줘 | hed | girl.png",
        "living.png 세그멘테이션맵 그대로 써서 북유럽 스타일 거실 이미지 생성해줘 | seg | living.png",
        "helmet.png 는 내가 직접 만든 노멀맵이야. 그대로 사용해서 중세 기사 투구 렌더링해줘 | normal | helmet.png",
        "edge_로고.png 는 제가 미리 뽑아둔 canny 엣지맵이에요. 다시 추출하지 말고 그대로 써서 금속 엠블럼 이미지 만들어 주세요 | canny | edge_로고.png",
        "mlsd_거실.png 이건 이미 직선 검출해놓은 M-LSD 맵이야. 그대로 써서 한옥 스타일 거실 그려줘 | mlsd | mlsd_거실.png",
        "I already baked this normal map in Substance: shield.png. Generate a dragon-scale shield from it | normal | shield.png",
        "My level designer handed me a segmentation map, level3.png. Use it directly to render a ruined temple | seg | level3.png",
        "This napkin doodle is my scribble map, use it as-is: napkin.png. Render it as a realistic treehouse | scribble | napkin.png"})
    void aPictureThatAlreadyIsTheShapeIsDrawnOnAsItIs(String request, String kind, String picture) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(kind + "-text-to-image"), types(tasks), tasks.toString());
        assertEquals(picture, tasks.get(0).args().get("image"));
        assertFalse(tasks.get(0).args().get("text").contains(picture), tasks.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my 5yo drew this, it's basically a scribble map already, use it as-is and turn it into a hot air balloon | scribble",
        "The attached file is already a canny edge map. Render a ceramic owl figurine on top of it | canny",
        "Attached is a canny edge map I already made in photoshop. Please use it as is (no need to re-extract anything) and generate"
                + " a studio product shot of a red leather sneaker | canny",
        "첨부한 건 이미 만들어 둔 depth 맵이에요. 이대로 써서 으스스한 폐병원 복도 그려주세요 | depth",
        "my 6 yr old drew this doodle of a dragon lol. can you use it as the scribble and turn it into a proper colorful dragon"
                + " illustration? keep her lines | scribble",
        "첨부한 건 제가 이미 뽑아둔 mlsd 직선맵이에요. 다시 뽑지 말고 그대로 써서 화이트톤 모던 주방 이미지 생성해 주세요 | mlsd"})
    void anAttachedPictureThatAlreadyIsTheShapeIsDrawnOnAsItIs(String request, String kind) {
        List<PlannedTask> tasks = plan(request, new ResourceRef("r-00000000000000000009.png", "map.png", "image/png", 10));
        assertEquals(List.of(kind + "-text-to-image"), types(tasks), tasks.toString());
        assertEquals("r-00000000000000000009.png", tasks.get(0).args().get("image"));
    }

    @Test
    void aTaskAskedBesideAnEntityListWorksOnTheTextTheEntitiesCameFrom() {
        List<PlannedTask> tasks = plan("homework.jpg 글자 읽어서, 거기 나오는 사람 이름이랑 지명 뽑아주고 영어로도 번역해줘");
        assertEquals(List.of("image-to-text", "token-classification", "translation"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(2).args().get("text"));
    }

    @Test
    void aSummaryOfTheSameDocumentIsOfTheDocumentNotOfItsTranslation() {
        List<PlannedTask> tasks = plan("Please translate clause_14.md into Spanish. Separately, give me a one-line English summary of the"
                + " same clause for my files.");
        assertEquals(List.of("translation", "summarization"), types(tasks), tasks.toString());
        assertEquals("clause_14.md", tasks.get(1).args().get("text"));
    }

    @Test
    void whatIsDoneToAConditionedDrawingAfterwardsIsPlannedOnIt() {
        List<PlannedTask> tasks = plan("here's an openpose skeleton i already made (pose.png). generate a knight in shining armor in"
                + " exactly that pose, then upscale the result");
        assertEquals(List.of("openpose-text-to-image", "image-to-image"), types(tasks), tasks.toString());
        assertEquals("a knight in shining armor", tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("image"));
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
        "Tell me what 'The central bank raised rates again' is about: economy, sports or weather? | economy, sports, weather",
        "which of sports, politics or tech is 'The striker scored twice in the final' about? | sports, politics, tech"})
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What's on the menu in menu.jpg?", "what is on the sign in street.png", "Can you tell me what is on the whiteboard in office.jpg?"})
    void aQuestionOnWhatIsWrittenOnAThingInAPictureReadsItThenAnswers(String request) {
        assertEquals(List.of("image-to-text", "question-answering"), types(plan(request)), request);
        assertEquals(List.of("image-to-text"), types(plan("Read what's on this sign: sign.jpg")));
    }

    @Test
    void askingWhatAPictureSaysReadsItsWriting() {
        assertEquals(List.of("image-to-text"), types(plan("what does this say? sign.jpg")));
        List<PlannedTask> total = plan("Read receipt.jpg and tell me the total");
        assertEquals(List.of("image-to-text", "question-answering"), types(total), total.toString());
        assertEquals("<GENERATED>-0", total.get(1).args().get("context"));
        assertEquals(List.of("automatic-speech-recognition"), types(plan("what does this say? memo.wav")));
    }

    @Test
    void listeningToARecordingIsTranscribingIt() {
        List<PlannedTask> tasks = plan("Please listen to lecture.mp3 and answer: what year did the war end?");
        assertEquals(List.of("automatic-speech-recognition", "question-answering"), types(tasks), tasks.toString());
        assertEquals(List.of("summarization", "text-to-speech"), types(plan("Summarize notes.md, I want to listen to the summary")));
    }

    @Test
    void aCaptionForAPictureDescribesItAndACaptionOnAPictureEditsIt() {
        assertEquals(List.of("image-to-text"), types(plan("Write a caption for beach.png")));
        assertEquals(List.of("image-editing"), types(plan("Write a caption on poster.png saying 'SALE'")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Is the woman in beach.jpg wearing sunglasses?", "Does the man in office.png wear glasses?",
        "Are there any boats in harbor.jpg?"})
    void aYesNoQuestionOnAPictureIsAVisualQuestion(String request) {
        assertEquals(List.of("visual-question-answering"), types(plan(request)), request);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Detect the objects in front_door.jpg and back_yard.jpg | front_door.jpg, back_yard.jpg",
        "Describe a.png, b.png and c.png | a.png, b.png, c.png",
        "a.jpg랑 b.jpg 설명해 줘 | a.jpg, b.jpg"})
    void aTaskOnAListOfFilesIsPlannedForEachFile(String request, String files) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(files.split(", ")), tasks.stream().map(t -> t.args().get("image")).toList(), tasks.toString());
        assertEquals(1, tasks.stream().map(PlannedTask::task).distinct().count(), tasks.toString());
    }

    @Test
    void aFileNamedAsTheObjectOfAnotherFileIsNotAList() {
        assertEquals(List.of("image-to-image"), types(plan("Make photo.jpg look like the style of painting.jpg")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Give me the key points of notes.md and the people it mentions | summarization, token-classification",
        "Give me a summary of notes.md and the names of the places in it | summarization, token-classification"})
    void thingsAskedForWithOneVerbAreEachPlannedOnTheSameInput(String request, String expected) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(expected.split(", ")), types(tasks), tasks.toString());
        assertTrue(tasks.stream().allMatch(t -> t.args().get("text").equals("notes.md")), tasks.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "transcribe voicemail.wav and tell me if it's a complaint, a question or a compliment | complaint, question, compliment",
        "Tell me whether 'Where is my parcel?' is a refund request, a bug report or a delivery question"
                + " | refund request, bug report, delivery question"})
    void labelsOfferedWithIfOrWhetherAreZeroShotLabels(String request, String labels) {
        List<PlannedTask> tasks = plan(request);
        PlannedTask classification = tasks.get(tasks.size() - 1);
        assertEquals("zero-shot-classification", classification.task(), tasks.toString());
        assertEquals(labels, classification.args().get("labels"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Transcribe call.wav and tell me if the speaker sounds happy | audio-classification",
        "Remove the background hum from interview.mp3 | audio-to-audio",
        "Clean the hiss out of old_tape.wav | audio-to-audio",
        "tts this pls: 'Boarding begins at gate 32' | text-to-speech",
        "fix the grammer: 'Me and him goes to the store yesterday.' | text2text-generation",
        "Classify what is happening in clip.mp4 | video-classification",
        "이 영상 clip.mp4 무슨 운동하는 건지 분류해 줘 | video-classification",
        "이게 무슨 소리인지 알려줄래? sound.wav | audio-classification",
        "스캔한 서류(form.png)에서 신청인 생년월일이 뭐야? | document-question-answering",
        "article.txt에서 인물, 지명, 기관 이름 다 뽑아줘 | token-classification",
        "/home/minji/문서/보고서.pdf 요약해 줘 | summarization",
        "이 글의 핵심만 세 줄로 정리해줘: '인공지능은 빠르게 발전하고 있으며 많은 산업에 영향을 준다' | summarization",
        "tl;dr of article.txt please | summarization",
        "what's the mood of this review: 'the food was cold and the waiter rude' | text-classification",
        "Korean please: 'Good morning, how did you sleep?' | translation",
        "song.mp3에서 보컬만 분리해줘 | audio-to-audio",
        "portrait.jpg에서 배경만 분리해줘 | image-segmentation",
        "이 문장에서 사람 이름이랑 장소 찾아줘: '철수는 부산에서 영희를 만났다' | token-classification",
        "invoice.png에서 총액이 얼마야? | document-question-answering",
        "turn chapter1.txt into an audiobook | text-to-speech",
        "Give me a picture that matches the mood of poem.txt | text-to-image",
        "Give me a short description of photo.jpg | image-to-text",
        "I want to understand the emotions in episode.mp3. Could you classify the audio and then give me advice on how to sound"
                + " more upbeat? | conversational",
        "i need the embedding vector for 'family-friendly hotels near the beach' | feature-extraction",
        "이 문구 '무선 노이즈캔슬링 이어폰' 임베딩 벡터로 뽑아줘 | feature-extraction",
        "rewrite this to sound more professional: 'hey, cant make it tmrw' | text2text-generation",
        "check if these two sentences mean basically the same thing: 'the drug helped' vs 'patients felt better' | sentence-similarity",
        "the sign says 'The museum is closed on Mondays.' based on that, can i visit on a monday? | question-answering",
        "sort the ticket in ticket.json into one of these: bug report, feature request, praise | zero-shot-classification",
        "고객 문의 '배송이 일주일째 안 와요' 이게 배송, 환불, 제품불량 중에 뭐야? | zero-shot-classification",
        "song.mp3 이 소리 뭔지 알아? 새 소리인지 벌레 소리인지 모르겠어 | audio-classification",
        "call.wav 녹음에 에어컨 소음이 너무 심해요. 목소리만 깨끗하게 남겨줄 수 있나요? | audio-to-audio",
        "mushroom.jpg 이 버섯 무슨 종류인지 알 수 있을까요? | image-classification",
        "parking.jpg 주차장 사진인데 차들 위치 박스로 표시해줄 수 있어? | object-detection",
        "scan.png 이 세금계산서 스캔본에서 공급자 사업자등록번호가 뭐예요? | document-question-answering",
        "이 문장 '오늘 정말 최고의 하루였어' 감성 분석 좀 해줘 | text-classification",
        "What sport is being played in match.mov? | video-classification",
        "generate a 5-second clip of jellyfish drifting in dark blue water | text-to-video",
        "can u translate 'my son has a peanut allergy' into thai and make an audio clip of the thai version | text-to-speech",
        "make a normal map from stone.png for my game asset | normal-control",
        "Pull out every person, company and city named in ./press/release.txt | token-classification",
        "in crowd.jpg, is anyone wearing a red hat? | visual-question-answering",
        "which instrument is that in the loop? the file is loop.flac | audio-classification",
        "Read the text from flyer.jpg and tell me whether it's advertising a concert, a sale, or a job opening | zero-shot-classification",
        "이 카톡 메시지 좀 더 부드럽게 바꿔줘: '회의록 아직도 안 올렸어요? 빨리 올리세요' | text2text-generation",
        "memo.ogg 에서 바람 소리 좀 없애줘 | audio-to-audio",
        "call.wav 상담 녹음인데 목소리에서 느껴지는 감정이 뭔지 분류해줘 | audio-classification",
        "photo.jpg 이 사진에서 뒤에 지나가는 사람 좀 지워줘ㅠ 인생샷인데 | image-editing",
        "claim.jpg 보험금 청구서 스캔본에 청구 금액 얼마로 적혀 있어? | document-question-answering",
        "대화 모델한테 '요즘 잠이 너무 안 와' 라고 말 걸어보고 뭐라고 답하는지 보여줘 | conversational",
        "Would it be possible to get a scribble map, the rough hand-drawn kind ControlNet uses, of lantern.webp? | scribble-control",
        "For ControlNet I need a depth conditioning map of ./shots/hall.jpg. I'll do the generation part myself. | depth-control",
        "separate the marble bust from the background in bust.jpg | image-segmentation",
        "listing.jpg 이 매물 사진에서 거실 벽에 걸린 가족사진 액자 좀 지워주세요 | image-editing",
        "Here's my interview, mayor.mp3. I just need a verbatim transcript, no summary, no edits. | automatic-speech-recognition",
        "동네 중고거래 앱에 올릴 자전거 판매글 좀 써줘. 3년 탄 하이브리드 자전거고 상태 좋아 | text-generation",
        "이 문장 'Obrigado pela paciência' 어느 나라 말이야? | text-classification",
        "I'm building semantic search. Could you embed ./data/abstracts.csv into vectors? | feature-extraction",
        "Is the baby gate at the top of the stairs fully latched? Photo: stairs.jpg | visual-question-answering",
        "트렁크.jpg 보고 알려줘, 스페어타이어 있어? | visual-question-answering",
        "fleet.png is a screenshot of a table of our vans. Run tabular classification to flag each row as needs-service or ok."
                + " | tabular-classification",
        "Can you tell what activity is happening in ./clips/gym_03.webm? | video-classification",
        "기사 제목 분류해줘 (정치/경제/스포츠/연예 중 하나): '손흥민, 시즌 10호골로 팀 승리 견인' | zero-shot-classification",
        "Tag all the people, organizations and locations in story.json (it's a raw item from the wire feed). | token-classification",
        "turn photo_0098.jpg into a scribble-style control map | scribble-control",
        "get me a depth map of room.jpg for controlnet | depth-control",
        "room.jpg 컨트롤넷용 depth 맵 뽑아줘요 | depth-control",
        "what bird is singing in this? the file is dawn.wav | audio-classification",
        "밤마다 천장에서 이런 소리가 나는데 무슨 소리인지 분류해줄 수 있어요? noise.wav | audio-classification",
        "sort this ticket for me - bug, feature request or question? 'app crashes on upload' | zero-shot-classification",
        "paraphrase 'The quarterly figures exceeded our expectations' into something casual | text2text-generation",
        "rewrite this in plain simple english: 'The lessee shall remit payment no later than the fifth day.' | text2text-generation",
        "보호소에서 입양한 강아지인데 무슨 견종인지 알 수 있을까요? dog.jpg | image-classification",
        "are these two bug reports basically the same issue? 'App crashes on upload' vs 'uploading makes the app close' | sentence-similarity",
        "고객 문의 '환불 신청했는데 아직 입금이 안 됐어요' 이 문장이 배송/환불/제품불량/기타 중에 어디에 해당하나요? | zero-shot-classification",
        "found this clip on an old hard drive, can you tell what sport is being played? old.mp4 | video-classification"})
    void phrasingsPeopleTypeNameTheirTask(String request, String task) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(task, tasks.get(tasks.size() - 1).task(), tasks.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "street.jpg를 세그멘테이션 맵으로 만들고 그걸로 사이버펑크 도시를 그려줘 | seg | street.jpg | 사이버펑크 도시",
        "skater.jpg 사진 속 사람 자세를 그대로 따라 해서 갑옷 입은 기사 그림 만들어 줘 | openpose | skater.jpg | 갑옷 입은 기사",
        "house.jpg의 윤곽선을 바탕으로 눈 덮인 오두막을 그려줘 | canny | house.jpg | 눈 덮인 오두막"})
    void aKoreanDrawingOnTheShapeOfAPictureIsItsControlTaskThenTheConditionedDrawing(String request, String kind, String picture,
            String prompt) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(kind + "-control", kind + "-text-to-image"), types(tasks), tasks.toString());
        assertEquals(picture, tasks.get(0).args().get("image"));
        assertEquals(prompt, tasks.get(1).args().get("text"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How similar is the description of photo.jpg to the text in notes.txt? | image-to-text | photo.jpg | notes.txt",
        "Write a caption for beach.png and tell me how close it is to 'a sunny day at the sea' | image-to-text | beach.png"
                + " | a sunny day at the sea",
        "Compare the transcript of call.wav with script.txt: do they say the same thing? | automatic-speech-recognition | call.wav"
                + " | script.txt"})
    void aComparisonTakesEachTextItNamesAndMakesTextOfAPictureOrARecording(String request, String conversion, String file,
            String other) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(conversion, "sentence-similarity"), types(tasks), tasks.toString());
        assertEquals(file, tasks.get(0).args().values().iterator().next());
        assertEquals(List.of("<GENERATED>-0", other), List.of(tasks.get(1).args().get("text"), tasks.get(1).args().get("text2")),
                tasks.toString());
    }

    @Test
    void aKoreanComparisonOfTwoResultsTakesBoth() {
        List<PlannedTask> tasks = plan("a.wav와 b.wav를 각각 받아 적고 두 내용이 비슷한지 알려줘");
        assertEquals(List.of("automatic-speech-recognition", "automatic-speech-recognition", "sentence-similarity"), types(tasks),
                tasks.toString());
        assertEquals(java.util.Set.of("<GENERATED>-0", "<GENERATED>-1"),
                java.util.Set.of(tasks.get(2).args().get("text"), tasks.get(2).args().get("text2")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Make an image from the summary of article.txt | summarization | article.txt | text-to-image",
        "Translate the transcript of call.wav into Spanish | automatic-speech-recognition | call.wav | translation",
        "summarize the transcript of standup.wav | automatic-speech-recognition | standup.wav | summarization",
        "Make a video from the summary of article.txt | summarization | article.txt | text-to-video"})
    void theResultOfANamedFileIsMadeFirst(String request, String producer, String file, String task) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(producer, task), types(tasks), tasks.toString());
        assertEquals(file, tasks.get(0).args().values().iterator().next());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void askingForTheResultOfAFileIsThatTaskOnceNotTwice() {
        List<PlannedTask> tasks = plan("I need the key points from meeting.txt translated into Korean");
        assertEquals(List.of("summarization", "translation"), types(tasks), tasks.toString());
        assertEquals("meeting.txt", tasks.get(0).args().get("text"));
    }

    @Test
    void aPassageAfterTheLastStepsColonFeedsTheFirstStepAndTheNextWorksOnItsResult() {
        String passage = "The city council approved the new budget after a long debate about schools and roads.";
        List<PlannedTask> tasks = plan("pls summarize this and then translate to french: '" + passage + "'");
        assertEquals(List.of("summarization", "translation"), types(tasks), tasks.toString());
        assertEquals(passage, tasks.get(0).args().get("text"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals("French", tasks.get(1).args().get("target_language"));
        // an analysis of the passage reads the passage, not the translation
        List<PlannedTask> analysed = plan("translate it to German and tell me its sentiment: 'I love this phone'");
        assertEquals(List.of("translation", "text-classification"), types(analysed), analysed.toString());
        assertEquals("I love this phone", analysed.get(1).args().get("text"));
    }

    @Test
    void aLanguageVersionOfADocumentIsItsTranslationThenItsForm() {
        List<PlannedTask> tasks = plan("Give me a spoken French version of notes.txt");
        assertEquals(List.of("translation", "text-to-speech"), types(tasks), tasks.toString());
        assertEquals("notes.txt", tasks.get(0).args().get("text"));
        assertEquals("French", tasks.get(0).args().get("target_language"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void aPictureOfWhatADocumentDescribesIsDrawnFromTheDocument() {
        List<PlannedTask> tasks = plan("Can you make a picture of what's described in story.txt?");
        assertEquals(List.of("text-to-image"), types(tasks));
        assertEquals("story.txt", tasks.get(0).args().get("text"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My friend sent me a voice message, msg.mp3, in Spanish. Can you work out what she said, put it into English, and read"
                + " the English version back to me? | automatic-speech-recognition, translation, text-to-speech",
        "I have a picture, chart.png. Could you first improve its resolution, then tell me what the picture shows in a sentence?"
                + " | image-to-image, image-to-text",
        "I took a picture of a sign in Japanese, sign.jpg. What does it say in English? | image-to-text, translation",
        "Extract the named entities from 'Tim Cook visited Tokyo in May' and translate them into French"
                + " | token-classification, translation",
        "Pull the keywords out of notes.txt and draw a picture of them | token-classification, text-to-image",
        "I've got a lecture recording, lecture.wav. I'd like you to transcribe it, pick out the important terms, and then write a"
                + " short study guide based on them. | automatic-speech-recognition, token-classification, text-generation",
        "My son drew a picture, drawing.png. Can you make it look like a watercolor painting and then write a little story about"
                + " the new picture? | image-to-image, image-to-text, text-generation",
        "Please take the sentence 'Stars are born in clouds of gas' and turn it into an image, then tell me what objects the image"
                + " contains. | text-to-image, object-detection",
        "I need a summary of the article 'Electric cars are getting cheaper thanks to new factories in Europe and Asia.' followed"
                + " by a list of the organizations and places in that summary. | summarization, token-classification",
        "Using the document scan.png, find the due date and then translate the answer into Korean."
                + " | document-question-answering, translation",
        "photo.jpg에 있는 물체들을 찾아서 그 목록으로 이야기를 만들어줘 | object-detection, text-generation",
        "call.wav 받아 적고 요약해줘 | automatic-speech-recognition, summarization",
        "generate a poster-style picture of a retro diner at night, then upscale it to a higher resolution | text-to-image, image-to-image",
        "write me an opening paragraph for a cover letter, then rewrite that paragraph to sound more formal"
                + " | text-generation, text2text-generation",
        "make a short video of someone skateboarding, then run a video classifier on it | text-to-video, video-classification",
        "isolate the bird calls in forest.wav and then tell me what bird it is from the cleaned audio | audio-to-audio, audio-classification",
        "profile.jpg 배경 좀 지워주고, 배경 지운 사진을 지브리 스타일로 바꿔줘 | image-segmentation, image-to-image",
        "강아지 생일 축하 노래 가사 하나 써주고 그 가사 소리내서 읽어줘 | text-generation, text-to-speech",
        "토끼가 떡 만드는 그림 그려주고, 다 그리면 그 그림을 수채화 스타일로 바꿔줘 | text-to-image, image-to-image",
        "제주도 여행 일정 짧게 써주고 그 일정 영어로도 번역해줘 | text-generation, translation",
        "이 문장 좀 더 공손하게 바꿔주고, 공손하게 바꾼 문장을 영어로도 번역해줘: '내일까지 자료 보내세요' | text2text-generation, translation",
        "memo.jpg 손글씨 메모 읽어서 거기 나오는 날짜, 장소, 사람 이름만 뽑아줘 | image-to-text, token-classification",
        "Transcribe town_hall.mp3. From the transcript, give me a summary | automatic-speech-recognition, summarization",
        "Make this email less angry: 'This is the THIRD time I asked.' Then run sentiment analysis on your rewritten version"
                + " | text2text-generation, text-classification",
        "cut the mug out of the background in mug.jpg, then convert the cutout to black and white | image-segmentation, image-to-image",
        "add fireworks in the night sky of harbor.jpg, then make the edited picture look like an oil painting | image-editing, image-to-image",
        "draw a whale floating through outer space and then bump up the resolution | text-to-image, image-to-image",
        "Summarize digest.html and then read the summary to me | summarization, text-to-speech",
        "german.txt 를 한국어로 번역한 다음, 번역본을 요약해줘 | translation, summarization",
        "make a scribble map of armchair.jpg, then use it to draw a giant armchair made of moss | scribble-control, scribble-text-to-image",
        "/home/sora/park.jpg 의 seg 맵 뽑고, 그 구도 그대로 눈 덮인 겨울 공원 그려줘 | seg-control, seg-text-to-image",
        "./사진/꽃밭.jpg 에서 HED 윤곽선 따서, 그 윤곽으로 반 고흐 풍 꽃밭 그림 그려줘 | hed-control, hed-text-to-image",
        "Send 'Tell me a fun fact about octopuses' to the dialogue model and have its answer read out loud | conversational, text-to-speech",
        "Write a short planting guide for basil, then rewrite that guide in simple words my 7-year-old can follow"
                + " | text-generation, text2text-generation",
        "Make this support reply sound friendlier but keep the facts: 'We cannot replace the unit.' Then translate the friendlier"
                + " version into Spanish | text2text-generation, translation",
        "condence ./papers/review.pdf into one paragraph, then translate that paragraph into Portuguese | summarization, translation",
        "Translate this: 'Me cobraron dos veces.' Then route the English version to one of: scheduling, billing, clinical question"
                + " | translation, zero-shot-classification",
        "practice.wav transcribe하고, 받아적은 문장을 더 natural한 영어로 고쳐줘 | automatic-speech-recognition, text2text-generation",
        "온천 안내판 사진 sign.jpg 뭐라고 써 있는지 읽고 한국어로 번역해줘 | image-to-text, translation",
        "중고차 사진 car.jpg 차만 남기고 배경 지운 다음에, 배경 지운 이미지 해상도 좀 높여주세요 | image-segmentation, image-to-image",
        "garage.jpg 에서 depth 컨트롤맵 추출해서 그 깊이감 그대로 우주선 격납고 그려줘 | depth-control, depth-text-to-image",
        "화분.jpg로 scribble 맵 만들고, 그 맵으로 선인장 모양의 외계 식물 그림 그려줘 | scribble-control, scribble-text-to-image",
        "음성메시지 message.mp3 받아적어 주시고, 받아적은 내용 기준으로 예약 날짜가 언제로 바뀌었는지 알려주세요"
                + " | automatic-speech-recognition, question-answering"})
    void eachStepWorksOnThePreviousStepsResult(String request, String expected) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(expected.split(", ")), types(tasks), tasks.toString());
        for (int i = 1; i < tasks.size(); i++) {
            assertTrue(tasks.get(i).args().containsValue("<GENERATED>-" + (i - 1)), tasks.toString());
        }
    }

    @Test
    void aTranslationAskedBesideAnAnalysisTranslatesTheTextNotTheAnalysis() {
        String text = "Our team met in Berlin on Monday with Siemens to discuss the new contract.";
        List<PlannedTask> tasks = plan("There's a paragraph I wrote: '" + text + "' I'd like to know which organizations and places it"
                + " mentions, and also get a German version of it.");
        assertEquals(List.of("token-classification", "translation"), types(tasks), tasks.toString());
        assertEquals(text, tasks.get(1).args().get("text"));
        assertEquals("German", tasks.get(1).args().get("target_language"));
    }

    @Test
    void aNarrationBesideAVideoIsATaskOfItsOwnOnTheSameText() {
        List<PlannedTask> tasks = plan("I'd like a short video about a robot learning to paint, plus a spoken narration of the same idea.");
        assertEquals(List.of("text-to-video", "text-to-speech"), types(tasks), tasks.toString());
        assertEquals(tasks.get(0).args().get("text"), tasks.get(1).args().get("text"));
    }

    @Test
    void findingThingsThenPaintingThemIsDetectionThenAnEdit() {
        List<PlannedTask> tasks = plan("Could you look at street.jpg, find every car in it, and then produce a version of the picture"
                + " where the cars are painted red?");
        assertEquals(List.of("object-detection", "image-editing"), types(tasks), tasks.toString());
        assertEquals("street.jpg", tasks.get(1).args().get("image"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "make me a picture of a lighthouse made of stacked old books in a stormy sea, it's for the bookstore's poster | text-to-image",
        "generate a cartoon mascot, a chubby penguin wearing a chef hat, then cut it out from the background | text-to-image, image-segmentation",
        "what bird is singing in /Users/priya/Desktop/backyard_dawn.wav? it wakes me up every day | audio-classification",
        "hydrophone.flac is full of boat engine noise. clean it up and then classify what animal is making the calls in the cleaned"
                + " recording | audio-to-audio, audio-classification",
        "transcribe voicemail.mp3, and separately run audio classification on it | automatic-speech-recognition, audio-classification",
        "i'm laser cutting a wooden sign and need just the canny edge outline of ./refs/teapot.jpg. dont generate any new image | canny-control",
        "turn these notes into one proper sentence and then read it aloud: 'pool closed sat, reopens mon 9am' | text2text-generation, text-to-speech",
        "two clips from the hallway cam, ./cams/a.mp4 and ./cams/b.mp4. what activity is happening in each one? | video-classification, video-classification",
        "회의 끝나고 찍은 화이트보드 사진 board.jpg 인데 글씨가 삐뚤빼뚤해요. 뭐라고 써있는지 읽어주세요 | image-to-text",
        "자기 전에 들을 명상 멘트 하나 써주고, 그거 차분한 음성으로 만들어 줄래? | text-generation, text-to-speech",
        "할머니 옛날 사진 ./스캔/할머니.jpg 화질 복원하고, 복원된 사진에서 배경을 벚꽃길로 바꿔줘 | image-to-image, image-editing",
        "3D 작업용으로 ./작업/조각상.jpg 깊이 추정해주고, 조각상 부분만 분리된 마스크도 같이 뽑아줘 | depth-estimation, image-segmentation",
        "필라테스 수업 자료 만들려고 하는데요, yoga.jpg 에서 openpose 스켈레톤만 추출해 주세요 | openpose-control",
        "고객 문의 분류 좀 해줘. 라벨은 환불, 교환, 배송문의 중 하나로 '주문한 지 일주일 됐는데 아직도 안 왔어요' | zero-shot-classification",
        "공원.jpg 로 seg 컨트롤맵 만들고 그 배치 그대로 눈 덮인 겨울 공원 그려줘 | seg-control, seg-text-to-image",
        "거실사진.jpg 에서 mlsd로 직선 검출하고, 그 구조 그대로 북유럽 스타일 인테리어 렌더링 만들어줘 | mlsd-control, mlsd-text-to-image",
        "get me embedings for ./kb/faq_entries.json, going to load them into our vector db | feature-extraction",
        "grab a HED boundary map from portrait.jpg and use it to paint an impressionist oil portrait, kinda monet style | hed-control, hed-text-to-image",
        "영수증 스캔본 ./영수증/receipt_0412.png 에서 부가세 금액 얼마로 찍혀있어? | document-question-answering",
        "estimate the normal map from clay_bust.png, then generate a bronze statue with the same surface shape | normal-control, normal-text-to-image",
        "make a canny map from /home/rob/bike/frame_sketch.jpg and draw a steampunk bicycle on it | canny-control, canny-text-to-image",
        "make a seg map of beach_day.jpg and then generate a snowy winter version of the same scene from the map | seg-control, seg-text-to-image",
        "clean up birds_morning.mp3 and also tell me what birds are in the original recording | audio-to-audio, audio-classification",
        "make that voice clip.wav sound like it's echoing in a big cathedral | audio-to-audio",
        "nursing student here, are these two charting notes saying the same thing? 'Patient denies chest pain' vs 'The patient"
                + " reports no pain in the chest' | sentence-similarity",
        "영어 회화 연습 상대 좀 해줘. 내 말에 대답해줘: 'Hi! I just moved here, do you know any good places to eat?' | conversational",
        "제가 가지고 있는 depth 맵 /home/minsu/maps/room_depth.png 으로 사이버펑크 스타일 방 그려주세요 | depth-text-to-image",
        "summarize report_2023.pdf and report_2024.pdf separately and tell me how similar the two summaries are | summarization, summarization, sentence-similarity",
        "make both a picture and a short video of a hot air balloon festival over cappadocia at sunrise | text-to-image, text-to-video",
        "in dog_park.jpg, cut my dog out of the background and then put a little party hat on him | image-segmentation, image-editing",
        "Can you paint the walls in room.jpg sage green? Thinking about redecorating | image-editing",
        "딸 생일파티 초대장 문구 써주고 그 문구로 그림도 하나 만들고 음성 메시지도 만들어줘 | text-generation, text-to-image, text-to-speech",
        "이 결과지 result.jpg 에서 공복혈당 수치가 몇이에요? 글씨가 너무 작아서 안 보여요 | document-question-answering",
        "이 표 이미지 table.jpg 로 위험군 분류 해줄 수 있나요? 환자 검사 수치 정리해둔 표예요 | tabular-classification",
        "고객 음성문의 /data/cs/inquiry_77.wav 받아쓰고 배송/환불/교환/기타 중에 어떤 문의인지 분류해줘 | automatic-speech-recognition,"
                + " zero-shot-classification",
        "/Users/dana/reno/kitchen_before.jpg is my kitchen right now. pull the straight lines out w/ mlsd and generate a bright"
                + " scandinavian kitchen that keeps the same lines | mlsd-control, mlsd-text-to-image",
        "dance teacher here. grab the pose from ./class/recital_pose.jpg and make an anime girl doing the same ballet pose | openpose-control,"
                + " openpose-text-to-image",
        "로고시안.png 스크리블 맵으로 변환만 해줘. 그림은 안 그려도 됨 | scribble-control",
        "embed every question in ./data/faq.csv, we're building a semantic search thing for the help center | feature-extraction",
        "mark where each product sits on the shelf in ./store/aisle3_shelf.jpg | object-detection",
        "two things about front_door.jpg: is the porch light on? and can you repaint the door a deep green | visual-question-answering,"
                + " image-editing",
        "강의실 사진 room.png mlsd 직선 검출만 해줘 | mlsd-control",
        "전에 만들어둔 hed 맵 hed_sketch_03.png 있는데 이걸로 안개 낀 숲속 절 그려줘 | hed-text-to-image",
        "포즈맵 pose_ref.png 있는데 이 포즈로 태권도 도복 입은 아이 그려줘 | openpose-text-to-image",
        "동화책 만드는 중이에요. 토끼가 처음으로 바다를 보는 장면을 짧게 글로 써주시고, 그 글로 삽화도 그려주세요 | text-generation, text-to-image",
        "./field/recording_14.wav is from our rainforest trip. clean up the wind noise, and separately tell me what animal is making"
                + " the main call | audio-to-audio, audio-classification",
        "how do i say 'is this seat taken?' in italian. and say it out loud too so i get the pronunciation right | translation,"
                + " text-to-speech",
        "통화 녹음이에요 ./통화/hanoi_call.wav 받아쓰기 해주시고, 받아쓴 내용으로 요약이랑 영어 번역 각각 부탁드려요 | automatic-speech-recognition,"
                + " translation, summarization",
        "draw a cozy cabin in autumn woods, and after that add smoke coming out of the chimney | text-to-image, image-editing",
        "remove the background music from ./ep12/raw_take.wav so only my voice is left | audio-to-audio",
        "translate 'Welcome to Sunny Acres farm stand' into Spanish and make it an audio clip i can loop at the stand | translation, text-to-speech",
        "got a voice memo from the vet visit ./memos/vet_call.wav, can you write out what he said and then sum it up for me |"
                + " automatic-speech-recognition, summarization",
        "고객 인터뷰 녹음 interview.wav 받아쓴 다음에 요약이랑 감정분석 둘 다 해주세요 | automatic-speech-recognition, text-classification, summarization",
        "이 문장 존댓말로 바꿔서 음성으로 만들어줘: '내일 회의 10시로 바뀜. 늦지 마' | text2text-generation, text-to-speech",
        "I need to identify the event that is set to take place on the 25th of July in schedule.jpg | document-question-answering",
        "yoga teacher here. grab the pose from ./yoga/warrior2.jpg and draw a cartoon astronaut doing that exact pose | openpose-control,"
                + " openpose-text-to-image",
        "제가 마우스로 대충 그린 낙서 scribble_고래.png 있는데 이거 그대로 써서 고래 수채화로 그려줘 | scribble-text-to-image",
        "노멀맵은 이미 있어요 normal_컵.png 이거 그대로 써서 크리스탈 유리컵 이미지 만들어줘 | normal-text-to-image",
        "영수증 사진에 적힌 글자 좀 읽어줘 ./영수증/0521_마트.jpg 가계부 쓰려고 | image-to-text",
        "are these 2 job duties basically the same thing or not? 'Manage inbound freight scheduling' and 'Coordinate incoming shipment"
                + " timelines with carriers' | sentence-similarity",
        "/Users/seoyeon/Documents/임대차계약서.pdf 에서 보증금 반환 조건이 어떻게 되어있는지 찾아줘 | question-answering",
        "./meetings/standup.wav - transcribe it, then from the transcript give me (a) a short summary and (b) all the people and"
                + " project names mentioned | automatic-speech-recognition, summarization, token-classification",
        "read whats on whiteboard.jpg and then tell me who got assigned the website redesign | image-to-text, question-answering",
        "Whats in garden.jpg | object-detection",
        "get rid of the wind noise in hike_vlog.wav then tell me what i actually said lol | audio-to-audio, automatic-speech-recognition",
        "whats this guy saying in clip.wav | automatic-speech-recognition",
        "/videos/cctv_0301.mp4 - can you classify what the person in this footage is doing | video-classification",
        "dance.mp4 무슨 춤인지 분류해주고 dancer.jpg 에서 포즈도 뽑아줘 | video-classification, openpose-control",
        "노을 지는 해변 그려주고 거기에 갈매기 몇 마리 추가해줘 | text-to-image, image-editing",
        "cat.png 수채화 느낌으로 바꿔줘 | image-to-image",
        "수채화 그려줘 | text-to-image",
        "회사규정.txt 보고 알려줘, 연차 1년에 며칠이야? | question-answering",
        "based on faq.md, do you ship to canada? | question-answering",
        "이 영어 강연 lecture.mp3 한국어로 번역해줘 | automatic-speech-recognition, translation",
        "일본 여행가서 찍은 간판 sign.jpg 인데 뭐라고 써있는지 한국어로 알려줘 | image-to-text, translation",
        "meme.png 이 짤에 적힌 글 읽어주고 고양이 품종도 알려줘 | image-to-text, image-classification",
        "고객문의.wav 텍스트로 바꿔서 배송, 환불, 교환 중에 뭔지 분류해줘 | automatic-speech-recognition, zero-shot-classification",
        "make a normal map from texture.jpg, its for a game asset | normal-control",
        "내가 그린 낙서야 ㅋㅋ scribble.png 이걸 스케치 삼아서 귀여운 버섯 집 그려줘 | scribble-text-to-image",
        "노멀맵은 이미 만들어둔 거 있어 normal_statue.png 이걸로 대리석 조각상 그려줘 | normal-text-to-image",
        "building.jpg에서 직선만 검출해줘 mlsd로 | mlsd-control",
        "거리 사진(street.png) 세그맵 뽑아서 그 구도 그대로 판타지 마을 그려줘 | seg-control, seg-text-to-image",
        "grab the straight lines from office.jpg with mlsd and redesign it as a futuristic lab | mlsd-control, mlsd-text-to-image",
        "give me the transcript of memo.mp3 and also tell me what kind of sound it is | automatic-speech-recognition, audio-classification",
        "transcribe standup.wav, then rewrite it as a formal status update email | automatic-speech-recognition, text2text-generation",
        "whats the vibe of the background music in intro.wav | audio-classification",
        "write a 4-line bedtime poem about a sleepy moon and read it to my kid | text-generation, text-to-speech",
        "get the text of lecture.wav, boil it down, then read the summary back to me as audio | automatic-speech-recognition,"
                + " summarization, text-to-speech",
        "write a short song lyric about rain, then read it aloud AND make an album cover from it | text-generation, text-to-speech,"
                + " text-to-image",
        "Transcribe interview.mp3, then give me both a short summary and the names of everyone mentioned. | automatic-speech-recognition,"
                + " summarization, token-classification",
        "I need ./vm/msg.mp3 transcribed, translated to english, summarized (he rambles A LOT), and then read out to me because I'm"
                + " driving | automatic-speech-recognition, translation, summarization, text-to-speech",
        "냉장고 안 사진 fridge.jpg 인데 뭐뭐 들어있는지 좀 찾아줘 | object-detection",
        "산에서 찍은 mushroom.png 인데 이 버섯 종류가 뭔지 알 수 있을까요? | image-classification",
        "이 포스터 poster.jpg 글자 읽어서 공연, 전시, 세일 광고 중에 뭔지 분류해줘 | image-to-text, zero-shot-classification",
        "meeting_0601.wav 받아적어주고, 목소리 톤으로 봤을 때 화자 감정이 어떤지도 알려줘 | automatic-speech-recognition, audio-classification",
        "transcribe episode.mp3 and then embed the transcript - it's going into a search index | automatic-speech-recognition,"
                + " feature-extraction",
        "there's a bird singing in field.wav but the wind is awful. clean up the wind noise first, then classify the bird call |"
                + " audio-to-audio, audio-classification",
        "swap the sky for a starry night in lake.jpg, then upscale the result | image-editing, image-to-image",
        "make a superhero in the exact same pose as the guy in gym.jpg | openpose-control, openpose-text-to-image",
        "비 오는 날 카페가 배경인 짧은 소설 도입부 좀 써줘. 분위기 있게! | text-generation",
        "보컬만 따로 뽑아줄 수 있어? song.mp3 | audio-to-audio",
        "우주를 헤엄치는 고래 그림 그리고 나서, 고래 등에 작은 소년도 태워줘 | text-to-image, image-editing",
        "새 운동화 광고 콘셉트 한 줄 써주고 그걸로 짧은 영상도 만들어줘 | text-generation, text-to-video",
        "귀여운 강아지 캐릭터 그려주고 배경도 날려줘 (스티커 만들 거예요) | text-to-image, image-segmentation",
        "이 문장 '내일 비 오면 행사 취소' 정중한 안내문으로 다듬어서 읽어줘 | text2text-generation, text-to-speech",
        "제가 미리 뽑아둔 캐니 엣지 맵이 있어요(edges/house_canny.png). 이거 그대로 써서 눈 덮인 동화 속 오두막 그려주세요 |"
                + " canny-text-to-image",
        "명함 사진 card.jpg 에서 이름이랑 회사명만 뽑아줘요 | image-to-text, token-classification",
        "회의 끝나고 화이트보드 찍어둔 거예요 board.jpg. 글자 읽어서 요약해 주시고, 적혀 있는 사람 이름도 뽑아주세요 | image-to-text,"
                + " summarization, token-classification",
        "할머니가 글씨를 잘 못 읽으셔서요, 약봉투 사진 pills.jpg 에 적힌 글자 읽어서 소리로 들려주세요 | image-to-text, text-to-speech",
        "이 사진 street.jpg 설명 좀 해주고 사람이 몇 명인지도 세어줘 | image-to-text, object-detection",
        "블로그 대문용으로 그림 하나 부탁해요: 비 오는 서울 골목의 작은 카페, 따뜻한 조명 | text-to-image",
        "what does the menu in menu_tokyo.jpg say? translate to english pls, I can't read any of it | image-to-text, translation",
        "I'm checking whether the narration matches the slide: compare what's said in narration_03.wav with the text on slide_03.png"
                + " | automatic-speech-recognition, image-to-text, sentence-similarity",
        "Can you estimate the depth of living_room.jpg? I want to know what's near and what's far for a 3D parallax effect in my"
                + " video | depth-estimation",
        "What's the total amount due on scans/invoice_0457.jpg? Need it for the books before Friday. | document-question-answering",
        "read the handwritten note in note.jpg and tell me if it sounds angry or not | image-to-text, text-classification",
        "강의 녹음 lecture_ai.mp3 받아적어서 요약해 주고, 나오는 사람 이름이랑 기관명도 뽑아 주세요. 요약은 음성으로도 듣고 싶어요 |"
                + " automatic-speech-recognition, summarization, token-classification, text-to-speech",
        "transcirbe lecture_05.mp3 and give me the key points, exam is tomorrow | automatic-speech-recognition, summarization",
        "whats the gist of lecture_week9.mp3 in like one sentence | automatic-speech-recognition, summarization",
        "transcribe voicemail.ogg and sort it into complaint, booking or general question | automatic-speech-recognition,"
                + " zero-shot-classification",
        "강의 녹음 lecture.mp3 올렸어요. 받아쓰기 해서 거기 나오는 사람 이름이랑 기관 이름 정리해줘 | automatic-speech-recognition,"
                + " token-classification",
        "Make a canny edge map AND a normal map of building.jpg - I want to compare which works better in ControlNet | canny-control,"
                + " normal-control"})
    void requestsAsPeopleTypeThem(String request, String expected) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(expected.split(",\\s*")), types(tasks), tasks.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"애가 그린 낙서예요 ㅋㅋ 낙서 선은 그대로 살려서 '하늘을 나는 고래'로 진짜 그림처럼 그려줄 수 있어요?",
        "오픈포즈 스켈레톤 이미지예요. 이 포즈 그대로 '갑옷 입은 여기사' 그려주세요~",
        "노멀맵 이미지 첨부했어요. 이거 그대로 써서 '대리석으로 만든 고양이 조각상' 그려줘",
        "I have my own canny edge image already (attached). Use it as is and draw a haunted victorian house",
        "here's a normal map i already have (attached) - generate a glazed ceramic vase with it",
        "I already drew the scribble (attached). turn it into a realistic red sports car pls"})
    void anAttachedPictureTheRequestCallsAMapIsDrawnOnAsItIs(String request) {
        ResourceRef map = new ResourceRef("r-00000000000000000007.png", "map.png", "image/png", 10);
        List<PlannedTask> tasks = plan(request, map);
        assertEquals(1, tasks.size(), tasks.toString());
        assertTrue(tasks.get(0).task().endsWith("-text-to-image"), tasks.toString());
        assertEquals(map.id(), tasks.get(0).args().get("image"));
    }

    @Test
    void aDocumentQuestionIsReadAndAnsweredWhereNoExecutorReadsDocuments() {
        assertEquals(List.of("document-question-answering"), types(plan("What is the due date on invoice.png?")));
        EmbeddedPlanner offline = EmbeddedPlanner.serving(PlanningBenchmark.benchConfig(),
                type -> !type.equals("document-question-answering"));
        List<PlannedTask> read = offline.plan(new UserRequest("r", "t", List.of(ChatMessage.user("What is the due date on"
                + " invoice.png?")), List.of(), RequestOptions.defaults(), Instant.now())).tasks();
        assertEquals(List.of("image-to-text", "question-answering"), types(read), read.toString());
        assertEquals("<GENERATED>-0", read.get(1).args().get("context"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "기사.txt 이거 정치야 경제야 연예야? | 정치, 경제, 연예",
        "이 문장 '배우 김씨가 새 영화를 찍는다' 연예인이야 정치인이야? | 연예인, 정치인",
        "이 뉴스 '오늘 주가가 크게 올랐다' 경제냐 정치냐? | 경제, 정치",
        "메일.txt 이 메일 스팸인지 광고인지 업무 메일인지 분류 좀 | 스팸, 광고, 업무 메일"})
    void aKoreanQuestionThatOffersItsAnswersOneWordEachClassifiesWithThem(String request, String labels) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of("zero-shot-classification"), types(tasks), tasks.toString());
        assertEquals(labels, tasks.get(0).args().get("labels"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "in beach.jpg what color is the umbrella? trying to find the same one online | visual-question-answering",
        "read the menu in menu.jpg and translate it to english, we're sitting in the restaurant and the waiter doesn't speak english"
                + " | image-to-text, translation",
        "translate this to korean, my grandma only speaks korean: 'good morning' | translation",
        "faq.csv 안에 있는 문장들 임베딩 벡터로 뽑아주세요. 챗봇 검색용이에요 | feature-extraction"})
    void whyTheUserAsksAndWhatSomeoneElseDoesAskForNoTask(String request, String expected) {
        List<PlannedTask> tasks = plan(request);
        assertEquals(List.of(expected.split(", ")), types(tasks), tasks.toString());
    }

    @Test
    void readyMadeMapsAreDrawnOnAsTheyAre() {
        List<PlannedTask> lines = plan("mlsd 선 맵 있어요 (lines.png). 이걸로 모던한 거실 인테리어 그려주세요");
        assertEquals(List.of("mlsd-text-to-image"), types(lines), lines.toString());
        assertEquals("모던한 거실 인테리어", lines.get(0).args().get("text"));
        List<PlannedTask> seg = plan("세그멘테이션 맵(seg_layout.png) 그대로 이용해서 '여름 해변 리조트' 그려주세요");
        assertEquals(List.of("seg-text-to-image"), types(seg), seg.toString());
        assertEquals("여름 해변 리조트", seg.get(0).args().get("text"));
        List<PlannedTask> edges = plan("here's a canny edge map I made, render it as a cyberpunk city at night with neon signs",
                new ResourceRef("r-00000000000000000036.png", "edges.png", "image/png", 10));
        assertEquals(List.of("canny-text-to-image"), types(edges), edges.toString());
        assertEquals("a cyberpunk city at night with neon signs", edges.get(0).args().get("text"));
    }

    @Test
    void aMapMadeThenDrawnOnTakesItsPromptFromAfterTheShape() {
        List<PlannedTask> made = plan("make a canny edge map of house.jpg and then draw a haunted mansion from it");
        assertEquals(List.of("canny-control", "canny-text-to-image"), types(made), made.toString());
        assertEquals("a haunted mansion", made.get(1).args().get("text"));
        List<PlannedTask> verbless = plan("depth control map from alley.jpg then draw a neon-lit rainy alley with it");
        assertEquals(List.of("depth-control", "depth-text-to-image"), types(verbless), verbless.toString());
        assertEquals("a neon-lit rainy alley", verbless.get(1).args().get("text"));
        List<PlannedTask> korean = plan("거리 사진 street.jpg 세그멘테이션 뜨고 그걸 바탕으로 '비 오는 밤의 도쿄 거리' 생성해 주세요");
        assertEquals(List.of("seg-control", "seg-text-to-image"), types(korean), korean.toString());
        List<PlannedTask> both = plan("/home/sy/ref/댄서.png 이 사진으로 포즈맵이랑 깊이맵 둘 다 뽑아줘. 나중에 컨트롤넷에 같이 넣어보려고요");
        assertEquals(java.util.Set.of("openpose-control", "depth-control"), java.util.Set.copyOf(types(both)), both.toString());
    }

    @Test
    void aQuestionNoPhraseNamesAskedWithAPictureIsAskedOfThePicture() {
        ResourceRef plant = new ResourceRef("r-00000000000000000037.jpg", "monstera.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan("is my monstera getting too much sun?? the leaves look kinda crispy on the edges", plant);
        assertEquals(List.of("visual-question-answering"), types(tasks), tasks.toString());
        assertEquals(plant.id(), tasks.get(0).args().get("image"));
    }

    @Test
    void aKoreanSentenceThatTellsWhatWasRecordedAsksNothingAndTheRecordingSaysHowToEdit() {
        List<PlannedTask> tasks = plan("사진 수정할 부분을 음성으로 녹음했어요(edit_notes.mp3). 이 내용대로 프로필 사진(headshot.jpg) 좀 고쳐주세요");
        assertEquals(List.of("automatic-speech-recognition", "image-editing"), types(tasks), tasks.toString());
        assertEquals("headshot.jpg", tasks.get(1).args().get("image"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        List<PlannedTask> scanned = plan("스캔한 계약서(contract_p1.png) 텍스트 뽑아서 요약 좀 해주세요. 법률용어가 너무 많아서 머리아파요");
        assertEquals(List.of("image-to-text", "summarization"), types(scanned), scanned.toString());
        List<PlannedTask> reply = plan("어르신이 '오늘 무릎이 너무 아파서 산책을 못 했어' 라고 하시면 어떻게 대답하는지 보여주세요");
        assertEquals(List.of("conversational"), types(reply), reply.toString());
    }

    @Test
    void moreReadyMadeMaps() {
        List<PlannedTask> blender = plan("got a normal map out of blender (bust_normal.png) - use it to make a white marble statue of a greek philosopher");
        assertEquals(List.of("normal-text-to-image"), types(blender), blender.toString());
        assertEquals("bust_normal.png", blender.get(0).args().get("image"));
        List<PlannedTask> depth = plan("이미 뽑아둔 depth 맵이 있어요 ./maps/alley_depth.png 이거 그대로 써서 비 오는 밤 사이버펑크 골목 그려 주세요");
        assertEquals(List.of("depth-text-to-image"), types(depth), depth.toString());
        assertEquals("비 오는 밤 사이버펑크 골목", depth.get(0).args().get("text"));
        List<PlannedTask> hed = plan("HED 엣지 이미지 가지고 있는데(sketch_hed.png) 이걸로 수채화풍 한옥 마을 그려줄 수 있나요?");
        assertEquals(List.of("hed-text-to-image"), types(hed), hed.toString());
    }

    @Test
    void labelsOfferedForTheTextJustReadClassifyIt() {
        List<PlannedTask> tasks = plan("receipt.jpg 영수증 사진에서 글자 읽어서, 식비/교통비/숙박비 중에 어디에 들어가는지 분류해줘. 출장 정산해야 돼서요");
        assertEquals(List.of("image-to-text", "zero-shot-classification"), types(tasks), tasks.toString());
        assertEquals("식비, 교통비, 숙박비", tasks.get(1).args().get("labels"));
        List<PlannedTask> sentiment = plan("상담.wav 받아쓰고, 받아쓴 내용 기준으로 고객 감정이 긍정인지 부정인지 분류해줘");
        assertEquals(List.of("automatic-speech-recognition", "text-classification"), types(sentiment), sentiment.toString());
    }

    @Test
    void aNameOfWhatWasWrittenIsTheWrittenText() {
        List<PlannedTask> tasks = plan("write a four-line poem about a fox in autumn and then make an illustration of the poem");
        assertEquals(List.of("text-generation", "text-to-image"), types(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"), tasks.toString());
    }

    @Test
    void aResultNamedWithALanguageIsItsTranslation() {
        List<PlannedTask> tasks = plan("Draw 'a peaceful sunset on the beach', write a blurb about it, translate the blurb into Spanish,"
                + " and then modify the image based on our Spanish blurb");
        PlannedTask edit = tasks.get(tasks.size() - 1);
        assertEquals("image-editing", edit.task(), tasks.toString());
        int translation = types(tasks).indexOf("translation");
        assertEquals("<GENERATED>-" + translation, edit.args().get("text"), tasks.toString());
    }
}

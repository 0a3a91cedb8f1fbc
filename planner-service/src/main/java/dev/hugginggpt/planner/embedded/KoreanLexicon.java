package dev.hugginggpt.planner.embedded;

import java.util.Map;
import java.util.Set;

/**
 * The Korean words and endings the embedded planner reads, as regular-expression alternatives, in the sections of
 * {@link EnglishLexicon} (no logic: see there for how they are used). A new Korean word is an edit here only; the task
 * phrasings are {@link KoreanTaskRules}. Every alternative is bounded.
 */
final class KoreanLexicon {
    private KoreanLexicon() {
    }

    // --- How a request is cut into clauses (RequestText) ---

    /** Endings and words that join two actions: "...하고", "...한 후에", "그리고". */
    static final String CONNECTIVES = "하고|하고서|한 후에?|한 다음에?|한 뒤에?|해서|하여|고 나서|한 후|그리고|다음에";
    /** Words that open a clause on an earlier result: "...고 그 결과를". */
    static final String REFERS_BACK = "그\\s|그것|그걸|그거|이것|결과";
    /** Verb stems whose "-고" ends an action: "찾고", "바꾸고", "읽고". */
    static final String ACTION_STEMS = "적|쓰|찾|바꾸|읽|만들|지우|없애|자르|돌리|넣|붙이|세|그리|고치|늘리|줄이|옮기|뒤집|알아내|뽑|키우|빼|따";
    /** How a sentence that asks for something ends: "...해 줘", "...주세요", "...하세요", "...할래?". */
    static final String REQUEST_ENDINGS = "줘|주세요|주십시오|하세요|하십시오|해요|할래|해라|부탁해|부탁해요|부탁드려요|부탁드립니다|부탁합니다";
    /** Endings of a sentence that says why, not what: "짝퉁인지 확인하려고요", "챗봇 검색용이에요", "출장 정산해야 돼서요". */
    static final String REASON_ENDINGS = "려고요|려구요|려고|려고 해요|용이에요|용입니다|용이요|용|돼서요|되서요|해서요|거든요|니까요|라서요";
    /** Endings of a sentence that tells what was done: "음성으로 녹음했어요", "사진을 찍었습니다". */
    static final String DONE_ENDINGS = "(?:었|았|했|였)(?:어요|습니다|어|다)";
    /** Labels that are a sentiment, which sentiment analysis gives: "긍정인지 부정인지". */
    static final String SENTIMENTS = "긍정|부정|중립|긍정적|부정적|중립적";
    /** What labels the passage to read: "본문: ...". */
    static final String PASSAGE_LABELS = "본문|문맥|지문|내용";

    // --- What the plan's arguments are (PlanPhrases) ---

    /** Words that point back at something already there. */
    static final String BACK_REFERENCE = "그\\s|그것|이것|이게|이거|이건|결과|위의|해당";
    /** An instruction that builds on an earlier result. */
    static final String BUILDS_ON = "그 결과|결과(를|에)|바탕";
    /** A summary, a translation, a transcript named as a result: "요약본", "요약은", "요약 읽어주는", "번역한 내용", "받아쓴 글". */
    static final String SUMMARY_NAMES = "요약(?:본|문)|요약(?:한|된) (?:것|거|걸|내용|글|문장)|요약(?:은|을|도|만)(?![가-힣])|요약 (?=읽|들려)";
    static final String TRANSLATION_NAMES = "번역(?:본|문)|번역(?:한|된) (?:것|거|걸|내용|글|문장)";
    static final String TRANSCRIPTION_NAMES = "(?:받아\\s*(?:쓴|적은)|전사한|전사된) (?:것|거|걸|내용|글|문장|텍스트)";

    /** "두번째 리뷰도 봐줘", "이것도 똑같이 해줘": the previous task again, on something new. */
    static final String ASKS_AGAIN = "(?:이것|이거|그것|그거|두 ?번째|다른|나머지)[^.?!]{0,20}?도\\s*+(?:해|봐|부탁|똑같이|마찬가지)"
            + "|도\\s*+(?:똑같이|마찬가지로)";
    /** "두 번째 거", "다른 사진", "나머지": a file the previous request named after the one it worked on. */
    static final String THE_SECOND = "두 ?번째|다른 (?:거|것|사진|파일|이미지|녹음)|나머지";
    static final String MEDIA_AUDIO = "오디오|음성|녹음|강연|강의|통화|인터뷰|팟캐스트|연설|보이스";
    static final String MEDIA_IMAGE = "사진|이미지|그림|문서|간판|메뉴판|영수증|스크린샷|캡처|캡쳐|짤|포스터|표지판";
    /** Pictures of writing: receipts, signs, menus, letters. */
    static final String TEXT_IN_PICTURE = "영수증|간판|메뉴|표지판|글자|적힌|쓰인";
    static final String THE_ORIGINAL = "원문";
    static final String ORIGINAL_MEDIA = "원본|따로|(?<=[가-힣])도 (?:같이|함께)";
    static final String EACH_OF_THEM = "둘 다|각각|모두|전부|(?<![가-힣])(?:두|세|네) (?:\\S+ )?(?:사진|이미지|그림|녹음|파일|음성|영상|문서)";
    static final String SPOKEN_INSTRUCTIONS = "(?:녹음|음성|보이스 ?메모)[^.?!]{0,60}?(?:수정 ?사항|편집 ?내용|바꿀 (?:부분|내용)|지시|요청 ?사항|원하는 (?:수정|변경)|질문)"
            + "|(?:수정|편집|바꿀|고칠)할? (?:부분|내용|점)[^.?!]{0,30}?(?:녹음|음성)"
            + "|(?:수정 ?사항|편집 ?내용|바꿀 (?:부분|내용)|지시 ?사항|요청 ?사항|질문)[^.?!]{0,40}?(?:녹음|음성 ?(?:파일|메모|메시지)|보이스 ?메모)";
    static final String LAID_OUT_DOCUMENT = "문서|서류|스캔|계산서|명세서|고지서|청구서|송장";
    /** An edit the clause spells out: a colour, the background. */
    static final String CONCRETE_EDIT = "색|배경";

    // --- A picture drawn on the shape of another (ConditionedGeneration) ---

    /** The shapes a picture can be drawn on, one constant per control kind (ConditionedGeneration orders them). */
    static final String SCRIBBLE = "낙서|스케치|스크리블|scribble";
    static final String STRAIGHT_LINES = "직선|M-?LSD|m-?lsd";
    static final String NORMAL_MAP = "노멀 ?맵|법선";
    static final String SEGMENTATION_MAP = "세그멘테이션|(?:분할|seg|세그) ?(?:컨트롤 ?)?맵";
    static final String DEPTH_MAP = "(?:깊이|depth) ?(?:컨트롤 ?)?(?:맵|정보)|깊이감";
    static final String POSE = "자세|포즈";
    static final String EDGES = "윤곽선?|외곽선|엣지";
    /** A picture drawn: "그려", "그림을 만들", "이미지를 새로 생성". */
    static final String DRAWS_A_PICTURE = "그려|렌더링|그림(?:을|으로)? ?(?:만들|생성)|(?:이미지|사진)(?:을|으로)? ?(?:새로 )?(?:만들|생성)";
    /** Words that take the shape, before what to draw: "그걸로", "따라 해서", "바탕으로". */
    static final String TAKES_A_SHAPE = "(?:같은|그|이) ?(?:포즈|자세|맵|구도)(?:로|으로)|(?:구도|모양|형태|윤곽|깊이감?|자세|포즈|배치|구조|레이아웃|선|라인) 그대로|그대로 살려서|그 (?:윤곽|맵)으로|그걸로|이걸로|그것으로|따라(?: ?해서| ?하여|서)?|바탕으로|맞춰서?|참고해서?|유지하면서|살려서";
    /** What to draw is named before these: "기사 그림 만들어 줘". */
    static final String PICTURE_TO_DRAW = "그림|이미지|사진";
    static final String DRAWING_VERBS = "그려|만들|생성|렌더링";

    // --- A question on what a picture shows (PictureContents) ---

    static final String PICTURE = "사진|이미지|그림";
    /** "무엇이 있어?", "어떤 물체가 보여?". */
    static final String WHAT = "무엇이|뭐가|무엇|뭐|어떤\\s?(?:것|게|물체|사물)[이가]?";
    /** The counters of "몇 명", "몇 개", "몇 마리", "몇 대". */
    static final String COUNTERS = "명|개|마리|대";

    // --- A request that is nothing but the asking (AskingOnly) ---

    /** The particles a word may end in ("문장을", "그것으로"), taken off before the word is looked up. */
    static final String PARTICLES = "을|를|이|가|은|는|으로|로|에서|에|도|만|의|과|와";
    /** Words that only ask or point, without their particles. */
    static final Set<String> ASKING_ONLY = Set.of(
            "이", "그", "저", "것", "이것", "그것", "저것", "해", "해줘", "해주세요", "하고", "한", "뒤", "다음", "후", "줘", "주세요",
            "좀", "문장", "텍스트", "글", "내용", "말", "무엇", "뭐", "알려", "어떤", "무슨", "언어", "해서", "하기");

    // --- Files a request gives (Resources) ---

    /**
     * Its picture shows a table: 표 as a word of its own (이 표, 표를, 도표, 엑셀 표), not inside another (발표, 표현,
     * 표지판).
     */
    static final String TABLE = "(?:(?<![가-힣])|도|엑셀 ?)표(?:를|을|가|이|는|은|에서|에|의|로)?(?![가-힣])";
    /** Its picture is a document. */
    static final String DOCUMENT = "문서|서류|영수증|청구서|스캔본|계산서|고지서|명세서|양식|결과지|검사지|진단서|성적표|계약서|신청서|처방전";

    // --- Task-specific arguments (ArgumentPhrases) ---

    /** The Korean names of languages, with the English name a translation task takes. */
    static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("영어", "English"), Map.entry("한국어", "Korean"), Map.entry("스페인어", "Spanish"),
            Map.entry("프랑스어", "French"), Map.entry("불어", "French"), Map.entry("독일어", "German"),
            Map.entry("일본어", "Japanese"), Map.entry("중국어", "Chinese"), Map.entry("이탈리아어", "Italian"),
            Map.entry("포르투갈어", "Portuguese"), Map.entry("러시아어", "Russian"), Map.entry("아랍어", "Arabic"),
            Map.entry("카탈루냐어", "Catalan"));
    /** After a list of labels: "스포츠, 정치, 기술 중 하나로". */
    static final String AMONG = "중|가운데|으로|로";
    /** Things a task is asked for again with "도": "이 사진도 ...". */
    static final String THINGS_ASKED_AGAIN = "것|거|걸|파일|녹음|사진|이미지|문장|텍스트|오디오|음성";
    /** A task asked for again: "또", "또한", "다시". */
    static final String AGAIN = "또\\s|또한|다시";

    /** Words that compare two results with each other (EarlierResults): "두 설명이 얼마나 비슷한지". */
    static final String BOTH_RESULTS = "두\\s|둘|서로|비슷한지|같은지|비교";

    // --- Lists (RequestText) ---

    /** What joins the files of a list: "a.jpg랑 b.jpg", "a.jpg와 b.jpg". */
    static final String LIST_JOINERS = "이?랑|과|와|하고|및";
}

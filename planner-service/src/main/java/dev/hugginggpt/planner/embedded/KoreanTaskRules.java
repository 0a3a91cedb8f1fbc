package dev.hugginggpt.planner.embedded;

import static dev.hugginggpt.planner.embedded.TaskRuleParts.GAP;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.SENTENCE_GAP;

/**
 * The Korean phrasings that ask for each task, as regular-expression alternatives, one constant per rule of
 * {@link TaskRules} (the same names as in {@link EnglishTaskRules}). No logic here. Words a rule relates are kept within
 * a bounded gap ({@link TaskRuleParts#GAP}), so every rule takes time linear in the clause.
 */
final class KoreanTaskRules {
    private KoreanTaskRules() {
    }

    /** No Korean phrasing for this rule yet. */
    private static final String NONE = "";

    static final String IMAGE_WORDS = "사진|이미지|그림";
    static final String AUDIO_WORDS = "오디오|음성|녹음|소리";

    /** The match starts at the verb, not at the video before it, so that it ranks as near the verb as "분류" alone does. */
    static final String VIDEO_CLASSIFICATION = "(?=분류|(?:무슨|어떤) )(?<=(?:영상|동영상|비디오|\\.(?:mp4|mov|avi|mkv|webm)(?![a-z])).{0,300})"
            + "(?:분류|(?:무슨|어떤) (?:운동|동작|행동|활동|종류|장르|춤|스포츠))";

    static final String TEXT_TO_VIDEO = "(?:동영상|비디오|영상)(?:을|를|으로|로)?도? ?(?:하나 |짧게 |짧은 |좀 )?(?:만들|생성|제작)";

    static final String IMAGE_TO_TEXT_READING =
            "(?:글자|텍스트|문자)를? ?(?:먼저 |좀 |다 )?(?:추출|읽|뽑)|손글씨|(?:메모|쪽지|간판|표지판)(?:를|을)? (?:좀 )?읽|(?:뭐라고|무엇이라고|무슨 (?:글|글자|말)이?) ?(?:쓰여|적혀|써 ?있|써있)|글씨(?:를|가)? ?(?:좀 )?(?:읽|알아보)|(?:쓰여|적혀) 있는 (?:글|글자|내용|문구|말)|(?:적힌|쓰인|써 ?있는) (?:내용|글|글자|문구)(?:을|를)? ?(?:전부 |다 |모두 )?(?:텍스트로|글로|옮겨|뽑아|추출|읽)";

    static final String AUTOMATIC_SPEECH_RECOGNITION = "받아\\s*(?:적|쓰|써|쓴)|음성\\s*인식|(?:오디오|음성|녹음|\\.(?:wav|mp3|flac|ogg|m4a)(?![a-z]))" + GAP + "(?:텍스트|글)로"
            + "|뭐라고 ?(?:하|말하|말씀하|얘기하|이야기하|그러)(?:시)?(?:는|던|었는|셨는)지";

    static final String AUDIO_TO_AUDIO = "잡음|노이즈|음질|소음|(?:바람|배경|주변|에어컨|차|기계) ?소리(?:를|을)? ?(?:좀 )?(?:없애|제거|지워|줄여)|(?:보컬|목소리|음성|반주|악기)(?:만|을|를|도|이랑 반주도?|랑 반주도?)? ?(?:따로 )?(?:분리|추출|제거|지워|없애|깨끗하게|뽑)";

    /** "음성으로", "소리 내", "읽어 줘" (but "글자를 읽어 줘" reads the writing in a picture). */
    static final String TEXT_TO_SPEECH = "음성으로|소리로 ?(?:들려|읽어|만들)|(?:발음|소리)(?:을|를|도)? ?들려|음성 ?파일로(?:도)? ?(?:만들|바꿔|변환|뽑)|음성 ?(?:메시지|파일|버전)(?:를|을|도|로)? ?(?:하나 )?(?:만들|뽑|생성)|소리 ?내|(?<!(?:글자|글씨|텍스트|문자|문구|글)(?:를|을)? ?(?:좀 )?|(?:있|적혀 있|쓰여 있)는지 )읽어\\s*(?:줘|주)";

    static final String AUDIO_CLASSIFICATION = "(?:오디오|소리|음성)" + GAP + "(?:분류|종류)|(?:무슨|어떤) 소리|(?:이|그) 소리(?:가)? ?(?:뭔지|뭐야|무슨)|소리가 ?뭔지|소리인지|장르|(?:목소리|음성|말투)(?:에서|의)? ?(?:느껴지는 )?(?:감정|기분|톤)|(?<=(?:목소리|말투) ?톤[^.?!]{0,30})(?:감정|기분)";

    static final String TRANSLATION = "번역|(?:영어|한국어|스페인어|프랑스어|독일어|일본어|중국어)로(?! ?(?:고쳐|다듬))";

    /** "스포츠, 정치, 기술 중 하나로 분류해줘": the first list found from each place is the one (a list has many shorter readings). */
    static final String ZERO_SHOT_CLASSIFICATION = "(?=.*분류).*(?>" + ArgumentPhrases.KOREAN_LABEL_LIST_REGEX + ")" + GAP + "분류"
            + "|.*?(?>" + ArgumentPhrases.KOREAN_LABEL_LIST_REGEX + ")[^.?!]{0,20}?(?:뭐|어느|어떤|무엇|어디에? (?:해당|들어가|속하))"
            + "|.*?분류[^.?!]{0,30}?(?>" + ArgumentPhrases.KOREAN_LABEL_LIST_REGEX + ")"
            + "|.*?(?:라벨|레이블|카테고리|분류 기준)(?:은|는|로)?\\s*+(?>" + ArgumentPhrases.KOREAN_LABEL_LIST_REGEX + ")"
            + "|.*?" + ArgumentPhrases.KOREAN_ALTERNATIVES_REGEX;

    static final String TEXT_CLASSIFICATION = "어떤 언어|무슨 언어|(?:어느|어떤) 나라 ?말|언어를? (?:감지|식별|판별|알려)|(?<!(?:목소리|음성|말투)(?:에서|의)? ?(?:느껴지는 )?)(?<!(?:목소리|말투) ?톤[^.?!]{0,30})감정|감성|긍정|부정";

    /** What a text names: "사람 이름", "장소", "회사". */
    private static final String ENTITY = "(?:(?:사람|인물|회사|기관) ?이름|회사명|기관명|인물|사람|지명|장소|기관|회사|날짜)";

    static final String TOKEN_CLASSIFICATION =
            "(?:문장|텍스트|글|기사|본문|문단|단락)(?:에|에서|에서의)? ?(?:나오는|언급된|언급되는|등장하는) (?:사람|인물|장소|지명|이름|기관|회사|날짜)"
                    + "|언급된 (?:사람|인물|장소|지명|기관|회사)|개체명|고유 ?명사|품사"
                    + "|(?<=(?:이름|성명|회사명|기관명|지명)(?:이랑|과|와|도|만|을|를)? ?)정리"
                    + "|(?:사람|참석자|인물|등장인물|회사|기관|장소)(?:들)? ?이름(?:들)?(?:만|을|를|도)? ?(?:다 |좀 )?(?:뽑|추출|찾|정리)"
                    + "|(?:(?:사람|인물|회사|기관) ?이름|회사명|기관명|인명|지명)(?:이랑|과|와|도|만|을|를)?\\s*+(?:\\S+\\s*+)?(?:만 )?(?:뽑|추출|찾아|골라)"
                    + "|" + ENTITY + "(?:\\s*,\\s*|과 |와 |이랑 ?|랑 ?)" + ENTITY;

    static final String TEXT2TEXT_GENERATION = "문법|맞춤법|존댓말로|반말로|쉬운 (?:말|표현|단어)로|(?:눈높이에 맞게|쉽게) (?:\\S+ )?(?:바꿔|풀어|고쳐|다시 써)|(?:정중한|공손한|격식 있는) \\S+(?:으로|로) ?(?:다듬|바꿔|고쳐)"
            + "|(?:공손하|정중하|격식 있|부드럽|자연스럽|깔끔하|간결하|친근하|세련되|상냥하|예의 바르|natural하)게(?: \\S+){0,2}? ?(?:바꿔|고쳐|다듬|수정|써|바꾸)"
            + "|(?:자연스러운|natural한|매끄러운|세련된|공손한|정중한) (?:\\S+ ){0,2}?(?:고쳐|다듬|바꿔)";

    static final String SUMMARIZATION = "요약|핵심만|간추|(?:세|두|몇|한) ?줄로|(?<!(?:이름|성명|회사명|기관명|지명)(?:이랑|과|와|도|만|을|를)? ?)정리해(?!\\s*(?:둔|놓|뒀))";

    static final String SENTENCE_SIMILARITY = "유사|비슷|닮았|같은 (?:뜻|의미)|같은 (?:내용|말)(?:인지|을? 말하는|이야|인가|일까)|일치";

    static final String SCRIBBLE_CONTROL = "(?:스크리블|scribble) ?(?:컨트롤 ?)?맵";
    static final String HED_CONTROL = "HED ?(?:컨트롤 ?)?맵|소프트 ?엣지";
    static final String MLSD_CONTROL = "직선 ?맵|직선(?:만|들?만?)? ?(?:검출|추출|뽑아)";
    static final String NORMAL_CONTROL = "(?:노[멀말]|법선|normal) ?(?:컨트롤 ?)?맵";
    static final String SEG_CONTROL = "(?:세그멘테이션|분할|seg|세그) ?(?:컨트롤 ?)?맵";
    static final String DEPTH_CONTROL = "(?:깊이|depth) ?(?:컨트롤|제어) ?맵";

    static final String DEPTH_ESTIMATION = "깊이";

    static final String TABULAR_CLASSIFICATION = "표를|표의|표 (?:이미지|사진)|(?:이|그) 표(?:로|에서|를)";

    static final String CANNY_CONTROL = "윤곽";

    static final String OPENPOSE_CONTROL = "자세|포즈|스켈레톤|뼈대";

    static final String IMAGE_SEGMENTATION = "배경(?:을|를|만|은|는|도)? ?(?:좀 )?(?:제거|지워|지운|지우|없애|분리|날려)|누끼|분할|(?:분리된|누끼|배경) 마스크|마스크(?:를|도|만)? ?(?:같이 |따로 |좀 )?(?:따|뽑|만들|추출|생성)";

    static final String IMAGE_CLASSIFICATION_WHAT_IS_IN_IT = NONE;

    static final String DOCUMENT_QUESTION_ANSWERING = "(?:문서|서류)" + GAP + "(?:\\?|무엇|뭐|알려|찾아)"
            + "|(?:영수증|세금계산서|계산서|청구서|송장|스캔본|고지서|명세서|결과지|검사지|진단서|성적표|계약서|신청서)" + GAP + "(?:언제|무엇|뭐|얼마|몇|누구|어디|알려|찾아)"
            + "|(?:스캔본|문서|서류|청구서|계산서|송장)(?:에|에게|한테)?\\s*+«Q\\d{1,9}»\\s*+(?:이?라고)?\\s*+물어";

    /** "사진에 뭐가 …?", "a.png에서 총액이 얼마야?" (after a file name only Korean question words: the rule reads English too). */
    static final String VISUAL_QUESTION_ANSWERING = "(?:사진|이미지)" + GAP + "(?:(?<!있나요|있어요|있을까요|줄래요|줄래|주실래요|될까요|되나요)\\?|무엇|몇|어디|얼마|누구)"
            + "|\\.(?:jpe?g|png|gif|bmp|webp)(?![a-z])" + GAP + "(?:무엇|몇|어디|얼마|누구)"
            + "|\\.(?:jpe?g|png|gif|bmp|webp)(?![a-z])[^?!]{0,80}?(?<!수 )있(?:어|나요|어요|니|을까요?)\\s*+\\?";

    static final String TEXT_TO_IMAGE = "그려|그림(?:을|도)? ?(?:하나 |한 장 )?부탁|그림(?:을|도)? ?그리\\s*+$|그림(?:을)? 그린 (?:다음|뒤|후)|이미지(?:를|도)? ?(?:하나 |한 장 )?(?:생성|만들)|그림(?:을|도)? ?(?:하나 |한 장 )?(?:만들|생성)";

    /** "바꿔" edits, but "흑백으로 바꿔" is a style (image-to-image). */
    static final String IMAGE_EDITING = "(?:사진|이미지|그림)(?:\\([^)]{1,200}\\))?(?:을|를)? ?(?:좀 )?(?:고쳐|수정해|편집해)|(?:사람|행인|물체|전선|쓰레기|글자|로고|워터마크|자동차|차|액자)(?:들)?(?:을|를|은|는)? ?(?:좀 )?(?:지워|없애|제거)"
            + "|(?<!배경(?:을|를|은|는|만)? ?(?:좀 )?)(?:지워|없애)(?:줘|주세요|주고|줄래|줄 수)|편집|수정|씌워|입혀|붙여 ?(?:줘|주)|(?<!(?:흑백|세피아|만화|밝게|어둡게|흐리게|선명하게|스타일|풍|느낌|화풍|그림체|톤|수채화|유화)(?:으로|로)?\\s?)(?:바꿔|바꾸고|바꾸$)"
            + "|(?:거기|여기|그림|사진|이미지|배경|하늘|바다|위|옆|등|머리)(?:에|에다|에다가)\\s*+[^.?!]{0,40}?(?:추가|넣어|그려 ?넣|달아|얹어|태워|앉혀|씌워)";

    static final String IMAGE_TO_IMAGE = "화풍|그림체|(?:그림|만화|애니|애니메이션|수채화|유화|빈티지|레트로) ?(?:풍|느낌)으로|해상도|업스케일|(?<!맵으로 )(?<!맵으로)변환|스타일|흑백|흐리게|선명하게|회전|뒤집|밝게|어둡게|세피아|만화|고화질로|화질(?:을|를|도|만)? ?(?:좀 )?(?:개선|높|올|복원|좋게|키워|향상|살려)|복원(?:해|하고|해서|시켜)";

    /** "사진에서 사람을 찾아", "a.jpg에서 자동차 표시", "사진에 무엇이 있어?", "사진에 몇 명". */
    static final String OBJECT_DETECTION =
            "(?:사진|이미지|그림|\\.(?:jpe?g|png|gif|bmp|webp)(?![a-z]))" + SENTENCE_GAP + "?(?:사람|인물|동물|자동차|차량|물건)(?:들)?(?:을|를)? ?(?:찾|표시|감지)|객체|물체|탐지|(?<!직선 |직선|선 |윤곽 |엣지 |윤곽선 |직선만 |선만 |엣지만 |윤곽선만 )검출|얼굴"
                    + "|(?:사진|이미지|그림)[^?!]{0,40}(?:(?:무엇이|뭐가|무엇|뭐뭐|뭐|어떤 ?(?:것|게)[이가]?) ?(?:들어 ?)?(?:있|보)|몇 ?(?:명|개|마리|대))"
                    + "|몇 ?(?:명|개|마리|대)(?:인지|이나|있는지)(?:도)? ?(?:좀 )?(?:세어|세 ?줘|세주|카운트)"
                    + "|(?:바운딩 ?)?박스(?:를|도)? ?(?:좀 )?(?:쳐|그려|표시)"
                    + "|(?:박스|네모|상자)(?:로|를)? ?(?:표시|쳐|그려)|위치(?:를)? ?(?:표시|찾아)";

    static final String IMAGE_TO_TEXT_DESCRIBING = "설명|묘사";

    static final String IMAGE_CLASSIFICATION = "(?:이미지|사진)" + GAP + "분류|(?<!(?:영상|동영상|비디오|\\.(?:mp4|mov|avi|mkv|webm)).{0,300})(?<!(?:중|중에|중에서|가운데) (?:뭔지 |무엇인지 |어디인지 |하나로 |어느 쪽인지 )?)분류|(?:무슨|어떤) (?:종류|품종|견종|묘종|종|꽃|새|버섯|동물|나무|식물|곤충)(?:인지|이야|예요|일까)|품종|(?:꽃|새|버섯|동물|나무|식물|곤충|개|고양이)(?:의)? ?(?:종류|이름)(?:가|이|는)? ?(?:뭔지|무엇인지|뭐야|뭐예요|뭘까)";

    static final String TEXT_GENERATION = "(?:(?:판매|홍보|소개|안내|공지|게시|축하|감사|사과|초대|추천)(?:글|문|장)|이야기|소설|동화|도입부|콘셉트|컨셉|카피|슬로건|(?<![가-힣])시|(?<![가-힣])글|(?:짧게 |간단히 )?글로|가사|편지|메시지|일정|문구|초안|글귀|축사|인사말|소개글|노래|시나리오|대본|계획|레시피|목록|멘트|연설문|건배사|자기소개서|후기)"
            + "(?:를|을)? ?(?:하나 |한 ?편 |(?:한|두|세|몇) ?줄 |좀 |짧게 |간단히 |간단하게 )?(?:만들|써|지어|작성|짜)";

    // --- Weak rules: vague words, which name a task only when no rule above matches ---

    static final String AUDIO_CLASSIFICATION_WEAK = NONE;

    static final String QUESTION_ANSWERING_WEAK = "질문|답(?!변)|(?:얼마|언제|몇|며칠|누구|어디|무엇|뭐)[^.?!]{0,20}?(?:\\?|지도? ?알려)";

    static final String CONVERSATIONAL_WEAK = "대화|추천|조언";

    static final String CONVERSATIONAL = "대화 ?모델|챗봇|말 ?걸어|(?:회화|대화|말|연습) ?상대|대답해|대답하는지|답장해|답장(?:을|도)? ?(?:좀 )?(?:대신 )?(?:써|작성)";

    static final String FEATURE_EXTRACTION = "임베딩|(?:특징|특성) ?벡터|벡터로";

    static final String TEXT_GENERATION_WEAK = "작성|이야기|(?<![가-힣])시를";
}

package dev.hugginggpt.planner.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Clause-to-task rules, most specific first: the first rule that matches a clause names its task.
 * Media words are grouped so that "transcribe the audio" and "transcribe the text in the photo",
 * or "enhance the recording" and "enhance the picture", go to different tasks.
 */
final class TaskRules {
    private static final String IMAGE = "(?:image|picture|photo|photograph|\\bpic(?=s?\\b)|snapshot|scan|screenshot|drawing|painting"
            + "|visual|illustration|artwork|graphic|jpe?g|png|사진|이미지|그림)";
    private static final String AUDIO = "(?:audio|recording|sound|speech|voice|podcast|voicemail|clip|track|song|wav|mp3|flac"
            + "|오디오|음성|녹음|소리)";
    /** "Enhance it", "boost its quality": improving whichever medium the clause is about (see PlanBuilder#specialise). */
    private static final String ENHANCE_IT = "(?:(?:enhanc|improv|boost|restor)\\w* (?:it\\b|(?:its|the|this|that) (?:\\w+ )?(?:quality|clarity|readability|details))"
            + "|bring\\w* out (?:its|the) (?:\\w+ )?details)";
    private static final String LANGUAGE = "(?:english|french|spanish|german|italian|chinese|japanese|korean|portuguese"
            + "|russian|arabic|hindi|dutch|swedish|greek|turkish|polish|catalan|galician|mandarin|vietnamese|thai|indonesian|czech|danish"
            + "|finnish|norwegian|romanian|hungarian|ukrainian|hebrew|persian)";

    /**
     * What may stand between two words a rule relates ("the emotion ... of the recording"): at most this many
     * characters, so that a rule's work per word it starts from is bounded and the rules take time linear in the
     * clause (an unbounded {@code .*} between two words is quadratic in a clause that repeats the first one).
     * Longer than any clause of the benchmark (210 characters).
     */
    private static final String GAP = ".{0,300}";
    /** The same within one sentence. */
    private static final String SENTENCE_GAP = "[^.?!]{0,300}";

    private static final String SORT = "\\b(?:classif|categori[sz]|sort|label|tag|assign|bucket)";
    private static final String WHICH = "\\b(?:which|what)\\b";

    /**
     * A {@link #SENTENCE_GAP} that ends where {@code word} occurs again: from there, the word's own gap is searched.
     * The same list is found, and each place is searched from one word only, not from every word within 300
     * characters before it ("label label label ..." would be 300 times the work).
     */
    private static String gapUntil(String word) {
        return "(?:(?!" + word + ")[^.?!]){0,300}";
    }

    /** What detection counts: "count the people" is object detection, "count how many ..." a question. */
    private static final String COUNTED = "(?:people|persons|faces|pedestrians|objects|items|things|cars|vehicles|animals)\\b";

    static final List<TaskRule> RULES = List.of(
            TaskRule.of("video-classification",
                    "(?:classif|categori[sz]|recogni[sz]|identif)\\w*\\b[^?!]{0,80}?(?:video|footage|\\.(?:mp4|mov|avi|mkv|webm)\\b)"
                            + "|what (?:is happening|activity|action|sport|exercise|is going on)\\b" + SENTENCE_GAP + "(?:video|footage)"
                            + "|(?:영상|동영상|비디오)" + GAP + "(?:분류|무슨 (?:운동|동작|행동|활동))"),
            TaskRule.of("text-to-video", "video|animat|movie|\\bfilm\\b|slideshow|\\breel\\b|동영상|비디오|영상"),
            TaskRule.of("image-to-text",
                    "(?:transcrib|extract|read|decod|deciph|pull)\\w*\\s+(?:out\\s+)?(?:the\\s+|any\\s+|all\\s+)?(?:\\w+\\s+)?"
                            + "(?:text|words|writing|content|message|quote)\\w*\\s+(?:\\w+\\s+){0,3}(?:from|in|on|of)\\s+(?:\\w+\\s+){0,2}" + IMAGE
                            + "|text (?:in|from|on) (?:the|this|that|my) " + IMAGE
                            + "|(?:any|the|some) (?:\\w+ )?text (?:\\w+ ){0,2}(?:in|on|within) (?:the |this |that |my )?(?:\\w+ )?" + IMAGE + "|\\bocr\\b|what(?:'s| is) written"
                            + "|what (?:\\w+ ){1,2}(?:is|are) (?:written|printed|displayed|shown)\\b(?! about)"
                            + "|(?:decod|deciph|extract|read|pull)\\w* (?:out )?(?:the |any |all )?(?:\\w+ )?(?:text|writing|inscription)\\b(?! (?:from|of) (?:the |this |my )?(?:" + AUDIO + "|document|file))"
                            + "|what (?:does|do|did) (?:the |this |that |its )?(?:\\w+ )?(?:text|writing|words|signs?|labels?|caption|inscription|handwriting|poster|banner|letters)\\b"
                            + "(?!" + SENTENCE_GAP + AUDIO + ")" + SENTENCE_GAP + "?\\b(?:say|read)\\b(?! about)"
                            + "|(?:which|what) (?:words|text|letters)\\b(?!" + SENTENCE_GAP + AUDIO + ")" + SENTENCE_GAP + "?\\b(?:can|could|do) you (?:read|see|make out)"
                            + "|(?:글자|텍스트|문자)를? (?:추출|읽)|(?:뭐라고|무엇이라고|무슨 (?:글|글자|말)이?) ?(?:쓰여|적혀)|(?:쓰여|적혀) 있는 (?:글|글자|내용|문구|말)"),
            TaskRule.of("automatic-speech-recognition",
                    "transcri|speech[- ]to[- ]text|speech recognition|subtitles?|dictation|what(?: is|'s| was| has been) (?:being )?said"
                            + "|what (?:is|are|was|were|did|does|do) (?:the |this |that |these )?(?:speakers?|person|people|man|woman|voices?|caller|narrator|host|they|he|she)\\b(?:'s)? (?:\\w+ )?(?:saying|say|talking about|speaking about|telling)\\b(?!" + SENTENCE_GAP + IMAGE + ")"
                            + "|what (?:does|did|do) (?:\\w+ ){0,2}say\\b|write down what|into (?:written |readable )?(?:text|words)\\b"
                            + "|(?:" + AUDIO + "s?|it|this|that|them) (?:\\w+ ){0,2}(?:in)?to (?!spoken )(?:\\w+ )?(?:text|words|writing|transcript)"
                            + "|written (?:text|form|format|words)|readable text|textual format|words (?:in|from) (?:the|this) " + AUDIO
                            + "|받아\\s*(?:적|쓰|써)|음성\\s*인식|(?:오디오|음성|녹음)" + GAP + "(?:텍스트|글)로"),
            TaskRule.of("audio-to-audio",
                    "nois|denois|\\b(?:hum|hiss|buzz|static|crackl\\w*|echo|reverb)\\b|(?:enhanc|improv|clean|clear|boost|restor)\\w*\\s+(?:up\\s+)?(?:the\\s+|its\\s+|my\\s+|this\\s+)?(?:\\w+\\s+){0,2}"
                            + "(?:" + AUDIO + "|quality of (?:the |this |my )?(?:\\w+ )?" + AUDIO + ")"
                            + "|" + ENHANCE_IT
                            + "|(?:" + AUDIO + ") quality|separat\\w* (?:the )?(?:\\w+ )?(?:voices|speakers|sources|sounds|vocals|instruments)"
                            + "|잡음|노이즈|음질"),
            TaskRule.of("text-to-speech",
                    "aloud|out loud|\\btts\\b|\\bsay\\s++«Q|\\bspeak(?!ers?\\b|ing\\b)|(?:into|as|in) (?:\\w+ )?spoken|spoken (?:\\w+ )?(?:form|format|version|audio|summary|description|explanation|answer|response|words)|auditory"
                            + "|narrat|pronounc|text[- ]to[- ]speech|voice[- ]?over|audible|audibl|\\brecit|\\blisten to|\\bhear (?:it|this|that|them|the|how|what)\\b|verbal|vocal(?!s)"
                            + "|(?<!(?:the|this|that|my|your|from) )audio (?:version|format|output|message|reply|response|description|summary|narration|greeting|form|reminder|clip of|scripts?|tour|guide|book)"
                            + "|(?:into|as|to) (?:an? )?(?:(?!(?:the|this|that|my|its|their|these|those)\\b)[\\w-]+ ){0,3}(?:speech|audio|voice|sound)\\b"
                            + "|\\bin (?:an? )?(?:audio|spoken|voice|audible) (?:form|format|version|file|clip)"
                            + "|(?:creat|make|generat|produc|record)\\w* (?:an? )?audio\\b"
                            + "|read (?:it|this|that|them|the \\w+)(?: back)?(?: out| aloud| to me)|음성으로|소리 ?내|(?<!(?:글자|글씨|텍스트|문자|문구|글)(?:를|을)? ?)읽어\\s*(?:줘|주)"),
            TaskRule.of("audio-classification",
                    "classif\\w* (?:the |this |my |that |resulting )?(?:\\w+ )?" + AUDIO
                            + "|(?:categor|classif|type|kind|genre|emotion|mood|sentiment)\\w* (?:of |in |conveyed in |for )?(?:the |this |that |my )?(?:\\w+ )?" + AUDIO
                            + "|(?:emotion|mood|\\btone|feeling|genre)\\w*\\b" + GAP + "\\b(?:" + AUDIO + "|speakers?|voices?|song|music|conversation)"
                            + "|(?:" + AUDIO + "|speakers?'?s?|voices?|song|music|conversation)\\b" + GAP + "\\b(?:emotion|mood|\\btone\\b|feeling|genre)"
                            + "|(?:identify|recogni[sz]e|detect|determine)\\w* (?:the |what )?(?:\\w+ )?(?:sounds?|noises?|instruments?|sound events?)\\b"
                            + "|what (?:is )?mak(?:es|ing) (?:the|that|this) (?:sound|noise)"
                            + "|\\bcommands?\\b" + GAP + "\\b" + AUDIO + "|" + AUDIO + "\\b" + GAP + "\\bcommands?\\b"
                            + "|" + AUDIO + "s? (?:belongs? to|category|class|type|genre)\\b|what (?:kind|type) of (?:sound|audio)"
                            + "|\\b(?:speakers?|voices?|callers?|singers?|narrators?|person|man|woman|he|she|they|" + AUDIO + ") (?:\\w+ ){0,2}(?:sounds?|sounding|sounded) (?:\\w+ )?(?:happy|sad|angry|upset|calm|excited|nervous|stressed|tired"
                            + "|annoyed|frustrated|cheerful|worried|anxious|bored|friendly|rude|emotional|scared|afraid|confident)\\b"
                            + "|(?:오디오|소리|음성)" + GAP + "(?:분류|종류)|(?:무슨|어떤) 소리"),
            TaskRule.of("translation",
                    "translat(?!\\w* (?:\\w+ ){0,4}into (?:an? )?(?:\\w+ )?(?:voice|speech|audio|sound|image|picture|video|visual)\\b)|(?:into|to) " + LANGUAGE + "\\b|in (?!english)" + LANGUAGE + "\\b|(?:my|their|his|her|our) (?:own |native )?language"
                            + "|번역|(?:영어|한국어|스페인어|프랑스어|독일어|일본어|중국어)로"),
            TaskRule.of("zero-shot-classification",
                    "^(?!.*(?:sentiment|positive|negative|" + IMAGE + "|" + AUDIO + "))"
                            + "(?:.*?" + SORT + "\\w*+\\b" + gapUntil(SORT) + "?" + ArgumentPhrases.LABEL_LIST_REGEX
                            + "|.*?" + WHICH + gapUntil(WHICH) + "?" + ArgumentPhrases.LABEL_LIST_REGEX
                            + "|.*?(?:" + ArgumentPhrases.OFFERED_LABELS_REGEX + ")"
                            // the first list found from each place is the one: a list has many shorter readings
                            + "|(?=.*분류).*(?>" + ArgumentPhrases.KOREAN_LABEL_LIST_REGEX + ")" + GAP + "분류)"),
            TaskRule.of("text-classification",
                    "what language|which language|(?:identify|detect|recogni[sz]e|determine|guess|tell|name)\\w* (?:me )?(?:the |its |their |which |what )?language|language (?:is|of)"
                            + "|sentiment|positive or negative|(?:classify|categori[sz]e) (?:the|this|that|my) (?:text|sentence|review|comment)s?\\b"
                            + "|어떤 언어|무슨 언어|언어를? (?:감지|식별|판별|알려)|감정|긍정|부정"),
            TaskRule.of("token-classification",
                    "named[- ]entit|entities|\\bner\\b|key ?words|key ?phrases|part[- ]of[- ]speech|\\bpos\\b|grammatic|syntax|syntactic|linguistic"
                            + "|(?:classify|categori[sz]e|label|tag|analy[sz]e|identify|extract)\\w* (?:the |these |each |all |any )?(?:\\w+ )?(?:words|terms|tokens)"
                            + "|\\btokens?\\b"
                            + "|(?:dates?|names?|people|persons?|places?|locations?|organi[sz]ations?)(?:,| and| or) (?:and )?(?:dates?|names?|people|persons?|places?|locations?|organi[sz]ations?)\\b"
                            + "|key terms|who (?:is|are|was|were|gets?|got) (?:\\w+ )?(?:mentioned|named|referred to)\\b"
                            + "|(?:which|what) (?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations)(?: \\w+){0,2} (?:are |were |is |was )?(?:mentioned|named|referred to)\\b"
                            + "|(?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations) (?:that are |which are |that get )?(?:mentioned|named) in\\b"
                            + "|(?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations) (?:that |which |who )?(?:it|they|he|she|the \\w+) (?:mentions?|names?|refers? to|talks? about)\\b"
                            + "|\\bnames of (?:the |all |any )?(?:people|persons|places|locations|cities|countries|companies|organi[sz]ations)\\b"
                            + "|(?:문장|텍스트|글|기사|본문|문단|단락)(?:에|에서|에서의)? ?(?:나오는|언급된|언급되는|등장하는) (?:사람|인물|장소|지명|이름|기관|회사|날짜)"
                            + "|언급된 (?:사람|인물|장소|지명|기관|회사)|개체명|고유 ?명사|품사"
                            + "|(?:인물|사람|지명|장소|기관|회사|날짜)(?:\\s*,\\s*|과 |와 |이랑 |랑 )(?:인물|사람|지명|장소|기관|회사|날짜)"),
            TaskRule.of("text2text-generation",
                    "(?:fix|correct|proofread|check)\\w* (?:the |my |this |its |any )?(?:\\w+ )?(?:grammar|grammer|spelling|typos?|mistakes|errors)\\b"
                            + "|proofread|grammar (?:check|correction)|문법|맞춤법"),
            TaskRule.of("summarization",
                    "summar|sum up|tl;?dr|what(?:'s| is) (?:this|the|that) (?:\\w+ ){0,2}(?:document|file|article|text|report|paper|page|essay|email|letter|pdf|post|story|chapter|book|transcript|note|notes) (?:all )?about\\b|shorter|condens|concise|gist|key (?:points|takeaways|ideas)|main points|nutshell|digest"
                            + "|boil\\w* down|compress|shorten|essentials|brief (?:overview|summary|version|recap)|recap|synopsis|simplif|abstract of|highlights of|rundown|in (?:a few|one|two|three) (?:sentences|lines)|요약"),
            TaskRule.of("sentence-similarity",
                    "similar|resembl|resonat|how close|how alike|mirror each other|same meaning|mean the same|semantic(?:ally)? (?:close|equivalent)|compar\\w* (?:the |this |these |two |both )?(?:\\w+ )?(?:sentences|texts|phrases|statements|text|sentence|response|answer|it|them)"
                            + "|(?:match|matches) (?:the |with )|유사"),
            TaskRule.of("depth-estimation", "depth|\\b3d\\b|how far|distance|farthest|furthest|closest to the camera|깊이"),
            TaskRule.of("tabular-classification",
                    "(?:classif|categori|identif|analy|understand|deciph|decod|extract|read|interpret)\\w*\\b" + GAP + "\\b(?:tables?|tabular|spreadsheet|chart)\\b|\\btables?\\b|tabular|spreadsheet|\\bchart\\b|표를|표의"),
            TaskRule.of("canny-control", "canny|edge map|edges? of|(?:draw|trac|extract)\\w* (?:the |its |their |all )?(?:\\w+ )?(?:edges|outlines|contours)|contours|윤곽"),
            TaskRule.of("openpose-control", "\\bposes?\\b|skeleton|keypoint|자세|포즈"),
            TaskRule.of("image-segmentation",
                    "(?<!audio )segment|\\bmasks?\\b|\\bcut\\w* (?:\\w+ )?out|(?:remov|eras|delet)\\w* (?:the )?background|background remov|배경(?:을|를)? ?(?:제거|지워|없애)|누끼|partition|isolat|break\\w* (?:it |this |them )?down|divid\\w* (?:it |this |them |the \\w+ )?into|\\boutline (?:the|each|every|all|its|their)|borders|boundar|each pixel|every pixel|pixel-level"
                            + "|separat\\w* (?:the )?(?:\\w+ )?(?:image|picture|photo|objects|regions|components|elements|parts|areas)"
                            + "|(?:image|picture|photo) into (?:its )?(?:\\w+ )?(?:components|parts|regions|segments|objects)|분할"),
            TaskRule.of("image-classification",
                    "which (?:class|category)|what (?:class|category|kind of (?:object|thing|item)|object) (?:it|this|that)"
                            + "|(?:class|category|type) of (?:the |this |that |my )?(?:\\w+ )?" + IMAGE + "|what(?:'s| is) in it\\b|what it contains"
                            + "|what (?:it|the \\w+) (?:is|depicts|represents?|shows)\\b(?! (?:in|on) )"
                            + "|what(?:'s| is) (?:in|on|depicted in|shown in) (?:the|this|that|my|it) " + IMAGE + "?"),
            TaskRule.of("document-question-answering",
                    "(?:document|invoice|receipt|\\bform\\b|letter|report|contract|certificate|manual|brochure|menu|schedule|poster|scanned)"
                            + GAP + "(?:«Q|\\bwhat|\\bwhich|\\bwho|\\bwhen|\\bwhere|\\bhow|find|answer|identify|determine|extract|understand|discern|theme|topic|subject|conclusion|main)"
                            + "|(?:\\bwhat|\\bwhich|\\bwho|\\bwhen|\\bwhere|\\bhow|find|answer|identify|determine|extract|understand|discern|theme|topic|subject|conclusion)" + GAP
                            + "(?:document|invoice|receipt|letter|report|contract|scanned)|(?:문서|서류)" + GAP + "(?:\\?|무엇|뭐|알려|찾아)"),
            TaskRule.of("visual-question-answering",
                    "(?:what|which|tell me|identify|determine|find|discover|know|confirm|check)\\w*(?: \\w+){0,3} colou?r|dominant colou?r"
                            + "|colou?r (?:is|are) (?:the|it|they)\\b|how many|count (?:how|the (?!(?:\\w+ )?" + COUNTED + "))"
                            + "|(?:tallest|largest|biggest|smallest|closest|nearest|farthest|furthest|brightest|oldest) (?:object|item|thing|person|building|animal|element)"
                            + "|(?:what|who|how many|which|is there|are there|where (?:is|are|was|were|does|do|did))\\b" + GAP + IMAGE
                            + "|" + IMAGE + "\\b" + GAP + "(?:«Q|\\bwhat\\b|\\bwho\\b|how many|\\bwhich\\b|\\bwhere (?:is|are|was|were|does|do|did)\\b)"
                            + "|^\\W*(?:is|are|was|were|does|do|did|has|have|can you see)\\b[^?!]{0,300}" + IMAGE + "[^?!]{0,300}+\\?"
                            + "|question about (?:the |this |it)|answer " + GAP + "(?:about|based on|using|from) (?:the |this |that )?(?:\\w+ )?" + IMAGE
                            + "|(?:사진|이미지)" + GAP + "(?:\\?|무엇|몇|어디)"),
            TaskRule.of("text-to-image",
                    "\\bdraw(?!\\w*\\s+(?:out|up|on|from|upon|attention|a conclusion|conclusions?|the conclusion|(?:bounding )?box|(?:(?:the|its|their|his|her|a|an) )?(?:edges?|outlines?|contours?|lines|poses?|skeletons?|keypoints)\\b))|illustrat|visuali[sz]|bring " + GAP + " to life|graphic|mental (?:image|picture)"
                            + "|(?:generat|creat|produc|render|design|develop|craft|build|compos|paint|sketch)\\w* (?:an? |some |a new |new |this |that )(?:\\w+ ){0,2}" + IMAGE
                            + "|mak\\w* (?:an? |some |a new |new )(?:\\w+ ){0,2}" + IMAGE
                            + "|\\b(?:paint|sketch)(?: me| us)? (?:an? |some )(?!" + GAP + "\\b(?:on|onto|in|into|to) (?:the |this |that |my |its )" + IMAGE + ")"
                            + "|(?:generat|creat|make|produc|render|design|develop|craft)\\w* (?:\\w+ ){0,2}(?:images|pictures|illustrations|visuals|visual representations|drawings|paintings|artworks)"
                            + "|(?:new|fresh) " + IMAGE + "|(?:text|it|this|that|them|description|phrase|words|answer|summary|caption) into (?:an? )?(?:\\w+ )?" + IMAGE
                            + "|그려|이미지를? (?:생성|만들)"),
            TaskRule.of("image-editing",
                    "\\bedit|modif|alter|recolou?r|repaint|(?:change|make|turn|paint|set)\\w* (?:the |its |their )?(?:\\w+ ){0,3}(?:colou?r|background|sky|to (?:red|green|blue|yellow|white|black|purple|pink|orange|grey|gray))"
                            + "|(?:add|insert|put|overlay|place|write)\\w* (?:the |a |an |some |this |that )?(?:\\w+ )?(?:text|phrase|caption|sentence|watermark|label|title|logo|«Q)"
                            + "|(?:add|insert|put|place)\\w* (?:a |an |some )(?:\\w+ ){0,2}(?:on|onto|to|into|in) (?:the|this|my|its|his|her)\\b"
                            + "|remov\\w* (?:the )?(?!(?:\\w+ )?background)|replac|highlight|adjust\\w* (?:(?:it|the \\w+|this \\w+|its \\w+) )?accordingly|adjust\\w* (?:the |its )?(?:colou?r|brightness|contrast|background|lighting|saturation)|\\b(?:to|into) (?:red|green|blue|yellow|white|black|purple|pink|orange)\\b|adapt|편집|수정|(?<!(?:흑백|세피아|만화|밝게|어둡게|흐리게|선명하게)(?:으로|로)?\\s?)바꿔"),
            TaskRule.of("image-to-image",
                    "styl|vintage|cartoon|anime|van gogh|colori[sz]|variations? of|gr[ae]yscale|black[- ]and[- ]white|monochrome|sepia|artistic|filter|look like|resembl|reference image|similar to|sharpen|upscal|restor"
                            + "|" + ENHANCE_IT + "|deblur|blurry|(?:enhanc|improv|sharpen)\\w* (?:the |this |that |my |its )?(?:\\w+ )?(?:quality|resolution|clarity|" + IMAGE + ")"
                            + "|(?:transform|convert|turn)\\w* (?:the |this |my |it|that )?(?:\\w+ )?" + IMAGE
                            + "|\\brotat|\\bflip|mirror (?:it|the|this)|\\bblur (?:it|the (?:whole )?(?:image|picture|photo))|brighten|darken|\\b(?:brighter|darker|sharper)\\b|invert the colou?rs|pixelat|denois"
                            + "|변환|스타일|흑백|흐리게|선명하게|회전|뒤집|밝게|어둡게|세피아|만화"),
            TaskRule.of("object-detection",
                    "detect|object detection|bounding|box(?:es)? around|labels? (?:of|for) (?:the |all |these |those )?objects|identif\\w* (?:what|which) (?:the |these |those )?(?:objects|items|things)|(?:locat|spot|find|identif|recogni[sz]|list|label|point out)\\w* (?:all |any |the |various |different |significant |key |main |specific |individual ){0,8}(?:\\w+ )?(?:objects|items|elements|things|people|persons|faces|animals|vehicles|cars)"
                            + "|(?<!\\bof (?:the |these |those |all |any |different |various |each )?)objects (?:in|within|present|featured|contained)|what objects|\\bfaces?\\b"
                            + "|count (?:the |all (?:the )?)?(?:\\w+ )?" + COUNTED
                            + "|(?:사진|이미지|그림|\\.(?:jpe?g|png|gif|bmp|webp)(?![a-z]))" + SENTENCE_GAP + "?(?:사람|인물|동물|자동차|차량|물건)(?:들)?(?:을|를)? ?(?:찾|표시|감지)|객체|물체|탐지|검출|얼굴"
                            + "|(?:사진|이미지|그림)[^.?!]{0,40}(?:(?:무엇이|뭐가|무엇|뭐|어떤 ?(?:것|게)[이가]?) ?(?:있|보)|몇 ?(?:명|개|마리|대))"),
            TaskRule.of("image-to-text",
                    "describ|descript|caption|textual (?:depiction|representation|version|interpretation)|(?:\\b\\w+ )?(?:into|to) (?:text|words)\\b"
                            + "|\\bread (?:it|this|that|the (?:text|inscription|sign|label|words|writing|note|letter))\\b(?! (?:aloud|out|back|to me))"
                            + "|\\bread (?:me )?what(?:'s| is) (?:written )?(?:on|in)\\b"
                            + "|interpret (?:the |this |each )?(?:\\w+ )?(?:image|segment|picture|photo)|설명|묘사"),
            TaskRule.of("image-classification",
                    "(?:classif|categori[sz])(?!\\w* (?:the |these |each |all |any )?(?:\\w+ )?(?:words|terms|tokens|sentences?)\\b)|which (?:class|category)|what (?:class|category|kind|type|breed|species)|what (?:object|it) (?:is|depicts)"
                            + "|what(?:'s| is) (?:in|on|depicted in|shown in) (?:the|this|that|my) " + IMAGE
                            + "|(?:identif|recogni[sz])\\w* (?:it|what|the (?:object|item|plant|animal|flower|bird|dog|cat|breed|species|landmark))|(?:label|tag)\\w* (?:the |this |my )?(?:image|picture|photo)|(?:이미지|사진)" + GAP + "분류|분류"),
            TaskRule.of("text-generation",
                    "paraphras|rephras|reword|rewrit|(?:in|with) (?:a )?different (?:way|words|wording)|(?:new|different|alternative|another) version of"
                            + "|(?:continu|complet|finish|extend)\\w* (?:the |this |my |that )?(?:\\w+ )?(?:story|sentence|text|paragraph|passage|phrase|line|poem)"
                            + "|(?:write|compose|craft|pen|draft)\\w* (?:me )?(?:a |an |some )?(?:\\w+ ){0,2}(?:story|poem|essay|article|blog|paragraph|blurb|narrative|script|piece|email|letter|tweet|post|slogan|tagline|headline)"
                            + "|brainstorm|(?:a |some )(?:\\w+ )?(?:slogans?|taglines?|headlines?)"),
            TaskRule.weak("audio-classification", "(?:analy[sz]|understand|identify|examin|interpret)\\w* (?:the |this |that |my )?" + AUDIO),
            TaskRule.weak("question-answering",
                    "answer|question|according to (?:the|this) (?:text|passage|article|paragraph)|find out|figure out|figuring out|determin|(?:identify|tell me|know|confirm|check)\\w* (?:which|what|who|where|when|whether|if|how many)\\b|main (?:theme|topic|idea|subject)|what (?:the|it) (?:is )?about|\\b(?:what|who|when|where|which|how)\\b" + GAP + "\\?|질문|답"),
            TaskRule.weak("conversational",
                    "\\bchat|conversation|\\btalk|discuss|dialog|engag|respond|reply|response|advice|advise|recommend|\\btips?\\b"
                            + "|suggest|guide|information about|tell me (?:more|about)|explain|insight|interact|key aspects|aspects of|the process of"
                            + "|steps (?:to|for)|walk me through|what do you think|your (?:opinion|thoughts)|대화|추천|조언"),
            TaskRule.weak("text-generation",
                    "write|compose|continu|story|poem|essay|paraphras|rephras|rewrit|alternative version|expand|generat\\w* (?:a |an |some |the |new )?(?:\\w+ )?(?:text|paragraph|passage|lines?|sentences?|ideas|content|blurb|story|continuation|description|caption)|elaborat|come up with|follow[- ]up"
                            + "|next (?:line|sentence|paragraph)|extrapolat|blurb|overview|narrative|작성|이야기|(?<![가-힣])시를"));

    private static final String DETERMINER = "(\\b(?:the|this|that|these|those|its|their|your|our|my|based on|according to|using|from)\\s+)";
    /** "the translated terms", "this newly generated image": a result of earlier work, named by the work. */
    private static final Pattern MADE_EARLIER = Pattern.compile(DETERMINER + "(?:newly\\s+|recently\\s+|just\\s+)?"
            + "(?:translated|transcribed|generated|edited|modified|segmented|summari[sz]ed|classified|detected|identified|recogni[sz]ed"
            + "|enhanced|cleaned|created|resulting|produced|stylized|transformed|converted|described|extracted|categori[sz]ed|narrated"
            + "|spoken|synthesi[sz]ed|answered|paraphrased|rephrased|new|final|updated|revised|altered|clearer)\\b\\s*", Pattern.CASE_INSENSITIVE);
    /** "after its modification", "those changes": edits already asked for. */
    private static final Pattern EDITS_MADE = Pattern.compile("(\\b(?:its|those|these|after the)\\s+)(?:modifications?|changes|edits|alterations)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "the summary", "this transcription": an earlier result named by what it is. */
    private static final Pattern RESULT_NOUN = Pattern.compile(DETERMINER
            + "(?:(?:audio|image|text) )?(?:translation|transcription|transcript|summary|caption|description|classification|segmentation|narration)s?\\b",
            Pattern.CASE_INSENSITIVE);

    /** "convert the classification results into an audible format": the target names the task. */
    static final Pattern CONVERSION = Pattern.compile(
            "\\b(convert|turn|transform|change|render|make|bring)\\w*\\b" + GAP + "?\\b(in(?:to| the form of)\\b.*)", Pattern.CASE_INSENSITIVE);

    private TaskRules() {
    }

    /** "Convert the results into an audible format": the clause names what to make, and that decides. */
    static boolean isConversion(String clause) {
        return CONVERSION.matcher(clause).find();
    }

    /**
     * The clause with the names of earlier results made neutral: "chat using the translated terms" asks for
     * a chat, not a translation; "read the summary aloud" asks for speech, not a summary.
     */
    static String withoutEarlierResults(String clause) {
        String plain = MADE_EARLIER.matcher(clause).replaceAll("$1");
        return EDITS_MADE.matcher(RESULT_NOUN.matcher(plain).replaceAll("$1 result")).replaceAll("$1 result");
    }
}

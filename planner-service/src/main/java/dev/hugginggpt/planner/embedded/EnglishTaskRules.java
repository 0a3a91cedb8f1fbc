package dev.hugginggpt.planner.embedded;

import static dev.hugginggpt.planner.embedded.TaskRuleParts.AUDIO;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.GAP;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.IMAGE;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.SENTENCE_GAP;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.gapUntil;

/**
 * The English phrasings that ask for each task, as regular-expression alternatives, one constant per rule of
 * {@link TaskRules} (which puts them in the order that decides, with the Korean ones of {@link KoreanTaskRules}).
 * No logic here. Words a rule relates are kept within a bounded gap ({@link TaskRuleParts#GAP}), so every rule takes
 * time linear in the clause.
 */
final class EnglishTaskRules {
    private EnglishTaskRules() {
    }

    static final String IMAGE_WORDS = "image|picture|photo|photograph|\\bpic(?=s?\\b)|snapshot|scan|screenshot|drawing|painting"
            + "|visual|illustration|artwork|graphic|jpe?g|png";
    static final String AUDIO_WORDS = "audio|recording|sound|speech|voice|podcast|voicemail|clip|track|song|wav|mp3|flac";

    /** "Enhance it", "boost its quality": improving whichever medium the clause is about (see PlanBuilder#specialise). */
    private static final String ENHANCE_IT = "(?:clean\\w* (?:it|this|that|them)(?: up)?\\b(?! (?:text|transcript|wording)\\b)|(?:enhanc|enhnac|enahnc|improv|boost|restor)\\w* (?:it\\b|(?:its|the|this|that) (?:\\w+ )?(?:quality|clarity|readability|details))"
            + "|bring\\w* out (?:its|the) (?:\\w+ )?details)";
    private static final String LANGUAGE = "(?:english|french|spanish|german|italian|chinese|japanese|korean|portuguese"
            + "|russian|arabic|hindi|dutch|swedish|greek|turkish|polish|catalan|galician|mandarin|vietnamese|thai|indonesian|czech|danish"
            + "|finnish|norwegian|romanian|hungarian|ukrainian|hebrew|persian)";
    private static final String SORT = "\\b(?:classif|categori[sz]|sort|label|tag|assign|bucket|rout|triag)";
    private static final String WHICH = "\\b(?:which|what)\\b";
    /** What detection counts: "count the people" is object detection, "count how many ..." a question. */
    private static final String COUNTED = "(?:people|persons|faces|pedestrians|objects|items|things|cars|vehicles|animals)\\b";

    static final String VIDEO_CLASSIFICATION =
            "(?:classif|categori[sz]|recogni[sz]|identif)\\w*\\b[^?!]{0,80}?(?:video|footage|\\.(?:mp4|mov|avi|mkv|webm)\\b)"
                    + "|what (?:is happening|activity|action|sport|exercise|is going on)\\b" + SENTENCE_GAP + "(?:video|footage)"
                    + "|what sport (?:is|are) (?:being played|they playing|this|that|it)\\b"
                    + "|video[- ]classif\\w*|what (?:activity|activities|action|actions) (?:is |are )?(?:happen\\w*|going on|taking place|being done)|what (?:sport|activity|exercise|dance)\\b(?:[^.?!]|\\.(?=[\\w/])){0,60}?\\.(?:mp4|mov|avi|mkv|webm)\\b";

    static final String TEXT_TO_VIDEO = "(?<!\\b(?:my|our|his|her|their) )video|animat|movie|\\bfilm\\b|slideshow|\\breel\\b"
            + "|(?:generat|creat|mak|produc|render)\\w* (?:me )?(?:a |an )?(?:(?!audio |sound |voice )[\\w-]+ ){0,2}clip\\b";

    /** Reading the writing in a picture: "transcribe the text in the photo", "what does the sign say?". */
    static final String IMAGE_TO_TEXT_READING =
            "(?:transcrib|extract|read|decod|deciph|pull)\\w*\\s+(?:out\\s+)?(?:the\\s+|any\\s+|all\\s+)?(?:\\w+\\s+)?"
                    + "(?:text|words|writing|content|message|quote)\\w*\\s+(?:\\w+\\s+){0,3}(?:from|in|on|of)\\s+(?:\\w+\\s+){0,2}" + IMAGE
                    + "|text (?:in|from|on) (?:the|this|that|my) " + IMAGE
                    + "|\\b(?:pull|get|extract|copy)\\w* (?:the |all the )?(?:\\w+ )?(?:out )?as (?:plain |raw )?text\\b"
                    + "|(?:any|the|some) (?:\\w+ )?text (?:\\w+ ){0,2}(?:in|on|within) (?:the |this |that |my )?(?:\\w+ )?" + IMAGE + "|\\bocr\\b|what(?:'s| is) written"
                    + "|\\bread\\s++(?:the\\s++|this\\s++|my\\s++)?[\\w-]++\\.(?:jpe?g|png|gif|bmp|webp|tiff?)\\b"
                    // "what does this say?": the writing itself, when nothing more is asked (a picture: else a recording's words)
                    + "|\\b(?:tell me|know|see|read|figure out) what (?:it|this|that|the (?:sign|note|label|page|card|letter|poster|text|writing|handwriting|screenshot|menu|board|photo|picture|image)) says\\b"
                    + "|what (?:does|did|do) (?:it|this|that|the \\w+) say(?=(?:\\s++in\\s++" + LANGUAGE + ")?\\s*+\\?\\s*+$)"
                    + "|what (?:\\w+ ){1,2}(?:is|are) (?:written|printed|displayed|shown)\\b(?! about)"
                    + "|(?:decod|deciph|extract|read|pull)\\w* (?:out )?(?:the |any |all )?(?:\\w+ )?(?:text|writing|inscription)\\b(?! (?:from|of) (?:the |this |my )?(?:" + AUDIO + "|document|file))"
                    + "|what (?:does|do|did) (?:the |this |that |its )?(?:\\w+ )?(?:text|writing|words|signs?|labels?|caption|inscription|handwriting|poster|banner|letters|menu|screenshot|notes?|whiteboard|board|flyer|page)\\b"
                    + "(?!" + SENTENCE_GAP + AUDIO + ")[^?!]{0,300}?\\b(?:say|read)\\b(?! about)"
                    + "|(?:which|what) (?:words|text|letters)\\b(?!" + SENTENCE_GAP + AUDIO + ")" + SENTENCE_GAP + "?\\b(?:can|could|do) you (?:read|see|make out)";

    static final String AUTOMATIC_SPEECH_RECOGNITION =
            "transcri|transcirb|speech[- ]to[- ]text|speech recognition|subtitles?|dictation|what(?: is|'s| was| has been) (?:being )?said"
                    + "|what(?:'s| is| are| was| were| did| does| do) (?:the |this |that |these )?(?:speakers?|person|people|man|woman|guy|girl|lady|kid|dude|voices?|caller|narrator|host|they|he|she|i|we)\\b(?:'s)? (?:\\w+ )?(?:saying|say|talking about|speaking about|telling)\\b(?!" + SENTENCE_GAP + IMAGE + ")"
                    + "|what (?:i|we|he|she|they|(?:the|this|that) (?:speaker|person|man|woman|guy|girl|lady|caller|narrator|host)) (?:actually |really |just )?said\\b(?!" + SENTENCE_GAP + IMAGE + ")"
                    + "|what (?:does|did|do) (?:\\w+ ){0,2}say\\b|(?:write|type) (?:down|out|up) what|into (?:written |readable )?(?:text|words)\\b"
                    + "|(?:" + AUDIO + "s?|it|this|that|them) (?:\\w+ ){0,2}(?:in)?to (?!spoken )(?:\\w+ )?(?:text|words|writing|transcript)"
                    + "|written (?:text|form|format|words)|readable text|textual format|words (?:in|from) (?:the|this) " + AUDIO;

    static final String AUDIO_TO_AUDIO =
            "nois|denois|background (?:music|chatter|talking|voices)|only (?:my|her|his|the) voices? (?:is |are )?left|\\bisolat\\w* (?:the |her |his |their )?(?:\\w+ )?(?:calls?|voices?|vocals?|speech|singing|chirps?|birdsong)\\b|\\b(?:hum|hiss|buzz|static|crackl\\w*|echo|reverb|echoing|reverberat\\w*)\\b|(?:enhanc|improv|clean|clear|boost|restor)\\w*\\s+(?:up\\s+)?(?:the\\s+|its\\s+|my\\s+|this\\s+)?(?:\\w+\\s+|[\\w./~-]{1,200}?){0,2}"
                    + "(?:" + AUDIO + "|quality of (?:the |this |my )?(?:\\w+ )?" + AUDIO + ")"
                    + "|" + ENHANCE_IT
                    + "|(?:" + AUDIO + ") quality|separat\\w* (?:the )?(?:\\w+ )?(?:voices|speakers|sources|sounds|vocals|instruments)";

    static final String TEXT_TO_SPEECH =
            "aloud|out loud|\\btts\\b|\\bmake (?:it|this|that) (?:into )?an? (?:\\w+ )?audio(?: clip| file| version| track)?\\b|(?<!how (?:do|would|can|should|could) (?:i|you|we|one) )\\bsay\\s++«Q|\\bspeak(?!ers?\\b|ing\\b)|(?:into|as|in) (?:\\w+ )?spoken|spoken(?= (?:\\w+ )?(?:form|format|version|audio|summary|description|explanation|answer|response|words))|auditory"
                    + "|(?<!(?:the|this|that|my|your|our|his|her) )narrat(?![\\w-]*\\.[A-Za-z0-9]{2,5}\\b)|pronounc|text[- ]to[- ]speech|voice[- ]?over|audible|audibl|\\brecit|\\blisten to(?!\\s+(?:(?:the|this|that|my|our)\\s+)?(?:" + AUDIO + "|[\\w-]+\\.(?:wav|mp3|flac|ogg|m4a|aac|opus)\\b))|\\bhear (?:it|this|that|them|the|how|what)\\b|verbal|vocal(?!s)|audio ?book|\\bread (?:\\w+ ){0,3}back to (?:me|us)\\b|\\bread (?:it|this|that|them) to (?:me|us|my \\w+|him|her|them)\\b|\\bread (?:(?:it|this|that|them|both|all|everything) )?out\\b(?!\\s+(?:the|of|what|any|all|this|that|from)\\b)|\\bread (?:the|this|that|my)\\s+(?:\\w+\\s+)?(?:summary|translation|answer|result|reply|story|poem|text|letter|message|version)\\s+(?:to|for) (?:me|us)\\b"
                    + "|(?<!(?:the|this|that|my|your|from) )audio (?:version|format|output|message|reply|response|description|summary|narration|greeting|form|reminder|clip of|scripts?|tour|guide|book)"
                    + "|(?:into|as|to) (?:an? )?(?:(?!(?:the|this|that|my|its|their|these|those)\\b)[\\w-]+ ){0,3}(?:speech|audio|voice|(?<!\\bto )sound)\\b"
                    + "|\\bin (?:an? )?(?:audio|spoken|voice|audible) (?:form|format|version|file|clip)"
                    + "|(?:creat|make|generat|produc|record)\\w* (?:an? )?audio\\b"
                    + "|read (?:it|this|that|them|the \\w+)(?: back)?(?: out| aloud| to me)";

    static final String AUDIO_CLASSIFICATION =
            "classif\\w* (?:the |this |my |that |resulting )?(?:\\w+ )?(?:" + AUDIO + "|(?:bird ?)?calls?\\b|birdsong|chirps?\\b)|\\b(?:audio|sound) (?:event |scene )?classif"
                    + "|\\b(?:which|what) (?:kind of |type of |sort of )?(?:instrument|genre)s?\\b"
                    + "|\\b(?:vibe|mood|genre|style) of (?:the |this |that |my )?(?:background )?(?:music|song|track|tune|beat)\\b"
                    + "|what (?:kind of |type of |species of )?(?:bird|animal|frog|insect)s? (?:it|this|that) is\\b"
                    + "|what (?:kind of |type of |species of )?(?:bird|animal|frog|insect)s? (?:is|are) (?:singing|calling|chirping|croaking|howling|barking)\\b(?: (?:in|on) (?:this|it|here))?\\s*+\\?"
                    + "|what (?:kind of |type of |species of )?(?:bird|animal|frog|insect)s? (?:is|are) (?:making|singing|calling|producing) (?:the |that |this )?(?:\\w+ )?(?:calls?|sounds?|noises?|songs?)\\b|what (?:kind of |type of |species of )?(?:bird|animal|instrument|insect|frog)s?\\b[^.?!]{0,30}?\\b(?:from|in|on) (?:the |this |that |my )?(?:\\w+ |[\\w./~-]{0,200}?)?" + AUDIO
                    + "|(?:categor|classif|type|kind|genre|emotion|mood|sentiment)\\w* (?:of |in |conveyed in |for )?(?:the |this |that |my )?(?:\\w+ )?" + AUDIO
                    + "|(?:emotion|mood|\\btone|feeling|genre)\\w*\\b" + GAP + "\\b(?:" + AUDIO + "|speakers?|voices?|song|music|conversation)"
                    + "|(?:" + AUDIO + "|speakers?'?s?|voices?|song|music|conversation)\\b" + GAP + "\\b(?:emotion|mood|\\btone\\b|feeling|genre)"
                    + "|(?:identify|recogni[sz]e|detect|determine)\\w* (?:the |what )?(?:\\w+ )?(?:sounds?|noises?|instruments?|sound events?)\\b"
                    + "|what (?:is )?mak(?:es|ing) (?:the|that|this) (?:sound|noise)"
                    + "|\\bcommands?\\b" + GAP + "\\b" + AUDIO + "|" + AUDIO + "\\b" + GAP + "\\bcommands?\\b"
                    + "|" + AUDIO + "s? (?:belongs? to|category|class|type|genre)\\b|what (?:kind|type) of (?:sound|audio)"
                    + "|\\b(?:speakers?|voices?|callers?|singers?|narrators?|person|man|woman|he|she|they|" + AUDIO + ") (?:\\w+ ){0,2}(?:sounds?|sounding|sounded) (?:\\w+ )?(?:happy|sad|angry|upset|calm|excited|nervous|stressed|tired"
                    + "|annoyed|frustrated|cheerful|worried|anxious|bored|friendly|rude|emotional|scared|afraid|confident)\\b";

    static final String TRANSLATION =
            "translat(?!\\w* (?:\\w+ ){0,4}into (?:an? )?(?:\\w+ )?(?:voice|speech|audio|sound|image|picture|video|visual)\\b)|(?:into|to) " + LANGUAGE + "\\b|in (?!english)" + LANGUAGE + "\\b|(?:my|their|his|her|our) (?:own |native )?language"
                    + "|\\b" + LANGUAGE + " (?:version|translation|rendition|subtitles?)\\b|^\\W*+(?:in\\s++)?" + LANGUAGE + ",?\\s++please\\b|(?<=\\bsay |\\bsays )in " + LANGUAGE + "\\b";

    /** Words that keep a clause from zero-shot classification, with any media word: sentiment has its own task. */
    static final String NOT_ZERO_SHOT = "sentiment|positive|negative|tabular|\\brows?\\b";

    /** A list of labels to sort into: "classify it as sports, politics or tech". */
    static final String ZERO_SHOT_CLASSIFICATION =
            ".*?" + SORT + "\\w*+\\b" + gapUntil(SORT) + "?" + ArgumentPhrases.LABEL_LIST_REGEX
                    + "|.*?" + WHICH + gapUntil(WHICH) + "?" + ArgumentPhrases.LABEL_LIST_REGEX
                    + "|.*?(?:" + ArgumentPhrases.OFFERED_LABELS_REGEX + ")";

    static final String TEXT_CLASSIFICATION =
            "what language|which language|(?:identify|detect|recogni[sz]e|determine|guess|tell|name)\\w* (?:me )?(?:the |its |their |which |what )?language|language (?:is|of)"
                    + "|sentiment|positive or negative|\\b(?:it|this|that|the (?:note|message|text|email|letter|review|comment|post|tweet|reply)) (?:sounds?|seems?|reads?|comes? across)(?: as)? (?:\\w+ )?(?:angry|upset|mad|annoyed|hostile|rude|passive[- ]aggressive|friendly|happy|positive|negative)\\b|(?:mood|tone|emotion|feeling|attitude) (?:of|in|behind) (?:the |this |that |my |your )?(?:text|sentence|review|comment|message|tweet|post|email|paragraph|letter|«Q)|(?:classify|categori[sz]e) (?:the|this|that|my) (?:text|sentence|review|comment)s?\\b";

    private static final String ENTITIES = "(?:dates?|names?|people|persons?|places?|locations?|organi[sz]ations?|compan(?:y|ies)"
            + "|cit(?:y|ies)|countr(?:y|ies)|brands?|teams?|players?|athletes?|characters?|products?)";

    static final String TOKEN_CLASSIFICATION =
            "named[- ]entit|entities|\\bner\\b|key ?words|key ?phrases|part[- ]of[- ]speech|\\bpos\\b|grammatic|syntax|syntactic|linguistic"
                    + "|(?:classify|categori[sz]e|label|tag|analy[sz]e|identify|extract)\\w* (?:the |these |each |all |any )?(?:\\w+ )?(?:words|terms|tokens)"
                    + "|\\b(?:important|key|main|technical|relevant|specialist) terms\\b"
                    + "|\\btokens?\\b"
                    + "|" + ENTITIES + "(?:,| and| or) (?:and )?" + ENTITIES + "\\b"
                    + "|key terms|who (?:is|are|was|were|gets?|got) (?:\\w+ )?(?:mentioned|named|referred to)\\b"
                    + "|\\bnames? of (?:everyone|everybody|all the people|the people|people|anyone) (?:\\w+ )?(?:mentioned|named|who)\\b|\\beveryone (?:mentioned|named)\\b"
                    + "|\\ball (?:the )?(?:people|persons|names|places|locations|companies|organi[sz]ations|dates)\\b[^.?!]{0,40}?\\b(?:mentioned|named|referred to)\\b"
                    + "|\\b(?:company|product|brand|organi[sz]ation|person|people's|place|city|country|drug|street)(?: (?:and|or) (?:company|product|brand|organi[sz]ation|person|people's|place|city|country|drug|street))? names\\b"
                    + "|(?:which|what) (?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations)(?: \\w+){0,2} (?:are |were |is |was )?(?:mentioned|named|referred to)\\b"
                    + "|(?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations) (?:that are |which are |that get )?(?:mentioned|named) in\\b"
                    + "|(?:people|persons|names|places|locations|cities|countries|companies|organi[sz]ations) (?:that |which |who )?(?:it|they|he|she|the \\w+) (?:mentions?|names?|refers? to|talks? about)\\b"
                    + "|\\bnames of (?:the |all |any )?(?:people|persons|places|locations|cities|countries|companies|organi[sz]ations)\\b";

    private static final String TONES = "formal|professional|polite|casual|friendly|concise|simpl|clear|academic|persuasive|confident"
            + "|angry|aggressive|harsh|rude|stiff|blunt|emotional|passive-aggressive|confrontational|warm|kind|diplomatic|upbeat";
    /** Comparatives and audiences of a rewrite: "sound friendlier", "in simple words my 7-year-old can follow". */
    private static final String REWRITE_FOR = "(?:sound |be )?(?:friendlier|nicer|warmer|kinder|softer|gentler|simpler|clearer|politer|shorter|crisper)"
            + "|in (?:(?:simple|simpler|plain|easy|easier|everyday|kid-friendly)\\s++){1,3}(?:words|language|english|terms)"
            + "|so (?:that )?a (?:\\d+|five|six|seven|eight|nine|ten|twelve)[- ]year[- ]old|for a (?:child|kid|\\d+[- ]year[- ]old)";

    /** "... to sound more formal": a rewrite in another tone keeps the text's meaning (text2text), a paraphrase makes new text. */
    private static final String IN_A_TONE = "[^.?!:]{0,60}?\\b(?:(?:more |less |sound |to be |as an? (?:more )?|into (?:an?|something) (?:more )?)(?:" + TONES + ")|" + REWRITE_FOR + ")";

    static final String TEXT2TEXT_GENERATION =
            "(?:fix|correct|proofread|check)\\w* (?:the |my |this |its |any )?(?:\\w+ )?(?:grammar|grammer|spelling|typos?|mistakes|errors)\\b"
                    + "|proofread|grammar (?:check|correction)"
                    + "|\\b(?:turn|make|rewrite|convert)\\w* (?:these|the|my|this|those) (?:\\w+ )?(?:notes|bullets?|bullet points|keywords|fragments) into (?:an? |one |some )?(?:\\w+ )?(?:sentences?|paragraphs?|text|e-?mail|message|announcement|notice)\\b"
                    + "|(?:rewrit|rephras|reword|paraphras|polish|redo)\\w*\\b" + IN_A_TONE
                    + "|explain\\w* (?:it|this|that|them)(?: to me)? (?:" + REWRITE_FOR + ")"
                    + "|\\bturn (?:it|this|that|them) into an? (?:clean|tidy|neat|proper|organi[sz]ed|simple|short)\\w* (?:to-?do list|checklist|list|outline|bullet points)\\b"
                    + "|\\bmake (?:it|this|that|the|my)(?: (?!conversation|audio|recording|voice|speech|sound|podcast|call|image|picture|photo)\\w+){0,2} (?:sound )?(?:(?:more|less) (?:" + TONES + ")|" + REWRITE_FOR + ")";

    static final String SUMMARIZATION =
            "summar|sum up|\\bsum (?:it|this|that|them|everything) up\\b|conden[sc]|tl;?dr|what(?:'s| is) (?:this|the|that) (?:\\w+ ){0,2}(?:document|file|article|text|report|paper|page|essay|email|letter|pdf|post|story|chapter|book|transcript|note|notes) (?:all )?about\\b|shorter|condens|concise|gist|key (?:points|takeaways|ideas)|main points|nutshell|digest"
                    + "|boil\\w* (?:it |this |that |them )?down|compress|shorten|essentials|brief (?:overview|summary|version|recap)|recap|synopsis|simplif|abstract of|highlights of|rundown|in (?:a few|one|two|three) (?:sentences|lines)";

    static final String SENTENCE_SIMILARITY =
            "similar|resembl|\\b(?:does|do|did)\\s[^?!]{1,80}?\\bmatch(?:es)?\\b|resonat|how close|how alike|mirror each other|same meaning|\\b(?:are|is) (?:these|those|they|the two|both)\\b[^?]{0,40}\\bsame (?:thing|issue|problem|bug|question|point|idea|story)\\b|mean (?:\\w+ )?the same|say(?:ing)? the same|compar\\w* (?:the |this |that |my )?(?:[\\w.-]+ ){1,3}(?:with|to|against)\\b|semantic(?:ally)? (?:close|equivalent)|compar\\w* (?:the |this |these |two |both )?(?:\\w+ )?(?:sentences|texts|phrases|statements|text|sentence|response|answer|it|them)"
                    + "|(?:match|matches) (?:the |with )";

    /**
     * A shape extracted for a ControlNet-style model ("a depth control map of statue.jpg", "the normal map of stone.png",
     * "a soft HED boundary map"): the control task alone; a plain "depth map" is depth estimation.
     */
    static final String SCRIBBLE_CONTROL = "scribble(?:[- ]style|[- ]like)? (?:control )?map|scribble (?:outline|version|lines|control)|scribbl\\w* (?:out of|from) (?:it|this|that|the|my)";
    static final String HED_CONTROL = "\\bhed\\b|soft[- ]edges?(?: map)?|holistic(?:ally-nested)? edge";
    static final String MLSD_CONTROL = "\\bm-?lsd\\b|straight[- ]lines?(?: map)?|line segment map";
    static final String NORMAL_CONTROL = "normal ?maps?|surface normals";
    static final String SEG_CONTROL = "seg(?:mentation)? control(?: map)?|\\bseg map\\b|seg(?:mentation)? map for (?:a )?controlnet|controlnet seg\\w*";
    static final String DEPTH_CONTROL = "depth (?:control|conditioning)(?: map)?|depth map for (?:a )?controlnet|controlnet depth"
            + "|\\bcontrolnet\\b[^.?!]{0,60}\\bdepth\\b|\\bdepth\\b[^.?!]{0,60}\\bcontrolnet\\b";

    static final String DEPTH_ESTIMATION = "depth|\\b3d\\b|how far|distance|farthest|furthest|closest to the camera";

    static final String TABULAR_CLASSIFICATION =
            "(?:classif|categori|identif|analy|understand|deciph|decod|extract|read|interpret)\\w*\\b" + GAP + "\\b(?:tables?|tabular|spreadsheet|chart)\\b|\\btables?\\b|tabular|spreadsheet|\\bchart\\b";

    static final String CANNY_CONTROL = "canny|edge map|edges? of|(?:draw|trac|extract)\\w* (?:the |its |their |all )?(?:\\w+ )?(?:edges|outlines|contours)|contours";

    static final String OPENPOSE_CONTROL = "\\bposes?\\b|skeleton|keypoint";

    static final String IMAGE_SEGMENTATION =
            "(?<!audio )segment|\\bmasks?\\b|\\bcut\\w* (?:\\w+ ){0,2}out|(?:remov|eras|delet)\\w* (?:the )?background(?! (?:music|noise|sound|hum|chatter|voices?|talking|track))|background remov|partition|isolat|break\\w* (?:it |this |them )?down|divid\\w* (?:it |this |them |the \\w+ )?into|\\boutline (?:the|each|every|all|its|their)|borders|boundar|each pixel|every pixel|pixel-level"
                    + "|separat\\w* (?:the )?(?:\\w+ )?(?:image|picture|photo|objects|regions|components|elements|parts|areas)"
                    + "|separat\\w* (?:the |my |this )?(?:[\\w-]+ ){0,2}from (?:the |its |their )?background"
                    + "|(?:image|picture|photo) into (?:its )?(?:\\w+ )?(?:components|parts|regions|segments|objects)";

    /** What a picture is or shows: "what's in it", "what class is this". Before the questions on a picture. */
    static final String IMAGE_CLASSIFICATION_WHAT_IS_IN_IT =
            "which (?:class|category)|what (?:class|category|kind of (?:object|thing|item)|object) (?:it|this|that)"
                    + "|(?:class|category|type) of (?:the |this |that |my )?(?:\\w+ )?" + IMAGE + "|what(?:'s| is) in it\\b|what it contains"
                    + "|what (?:it|the \\w+) (?:is|depicts|represents?|shows)\\b(?! (?:in|on) )"
                    + "|what(?:'s| is) (?:in|on|depicted in|shown in) (?:the|this|that|my|it) " + IMAGE + "?";

    static final String DOCUMENT_QUESTION_ANSWERING =
            "(?:document|invoice|receipt|\\bform\\b|letter|report|contract|certificate|manual|brochure|menu|schedule|poster|scanned)"
                    + GAP + "(?:«Q|\\bwhat|\\bwhich|\\bwho|\\bwhen|\\bwhere|\\bhow|find|answer|identify|determine|extract|understand|discern|theme|topic|subject|conclusion|main)"
                    + "|(?:\\bwhat|\\bwhich|\\bwho|\\bwhen|\\bwhere|\\bhow|find|answer|identify|determine|extract|understand|discern|theme|topic|subject|conclusion)" + GAP
                    + "(?:document|invoice|receipt|letter|report|contract|scanned)";

    static final String VISUAL_QUESTION_ANSWERING =
            "(?:what|which|tell me|identify|determine|find|discover|know|confirm|check)\\w*(?: \\w+){0,3} colou?r|dominant colou?r"
                    + "|colou?r (?:is|are) (?:the|it|they)\\b|how many|count (?:how|the (?!(?:\\w+ )?" + COUNTED + "))"
                    + "|(?:tallest|largest|biggest|smallest|closest|nearest|farthest|furthest|brightest|oldest) (?:object|item|thing|person|building|animal|element)"
                    + "|(?:what(?!\\s+(?:objects|items|things)\\b)|who|how many|which|is there|are there|where (?:is|are|was|were|does|do|did))\\b" + GAP + IMAGE
                    + "(?!s?\\s+(?:shows|depicts|is showing|is about)\\b)"
                    + "|" + IMAGE + "\\b" + GAP + "(?:«Q|\\bwhat\\b|\\bwho\\b|how many|\\bwhich\\b|\\bwhere (?:is|are|was|were|does|do|did)\\b)"
                    + "|^\\W*in [\\w./~-]+\\.(?:jpe?g|png|gif|bmp|webp),?\\s++(?:is|are|was|were|does|do|did|has|have|can you see)\\b[^?!]{0,300}+\\?"
                    + "|^\\W*(?:is|are|was|were|does|do|did|has|have|can you see)\\b(?![^?!]{0,40}?\\b(?:caption|description|transcript|summary|result)s?\\s+of\\b)[^?!]{0,300}" + IMAGE + "[^?!]{0,300}+\\?"
                    + "|question about (?:the |this |it)|answer " + GAP + "(?:about|based on|using|from) (?:the |this |that )?(?:\\w+ )?" + IMAGE;

    static final String TEXT_TO_IMAGE =
            "(?:make|create|design|generate|draw)\\w* (?:me |us )?(?:an? |the |some )?(?:\\w+ )?(?:album cover|cover art|book cover|thumbnail|wallpaper|sticker)s?\\b|\\bdraw(?!\\w*\\s+(?:out|up|on|from|upon|attention|a conclusion|conclusions?|the conclusion|(?:bounding )?box|(?:(?:the|its|their|his|her|a|an) )?(?:edges?|outlines?|contours?|lines|poses?|skeletons?|keypoints)\\b))|illustrat|visuali[sz]|bring " + GAP + " to life|graphic|mental (?:image|picture)"
                    + "|(?:generat|creat|produc|render|design|develop|craft|build|compos|paint|sketch)\\w* (?:me |us )?(?:an? |some |a new |new |this |that )(?:[\\w-]+ ){0,2}" + IMAGE
                    + "|mak\\w* (?:me |us )?(?:both )?(?:an? |some |a new |new )(?:\\w+ ){0,2}" + IMAGE
                    + "|(?:generat|creat|mak|design|draw)\\w* (?:me |us )?(?:an? |some |a new |new )(?:[\\w-]+ ){0,3}(?:mascot|logo|icon|poster|sticker|avatar|wallpaper|banner|emoji|thumbnail)s?\\b"
                    + "|\\bgive (?:me |us )?(?:an? |some )(?:new |nice |cool |pretty |beautiful |simple )?" + IMAGE + "s?\\b(?!\\s+(?:description|caption))"
                    + "|\\b(?:paint|sketch)(?: me| us)? (?:an? |some )(?!" + GAP + "\\b(?:on|onto|in|into|to) (?:the |this |that |my |its )" + IMAGE + ")"
                    + "|(?:generat|creat|make|produc|render|design|develop|craft)\\w* (?:\\w+ ){0,2}(?:images|pictures|illustrations|visuals|visual representations|drawings|paintings|artworks)"
                    + "|(?:new|fresh) " + IMAGE + "|(?:text|it|this|that|them|description|phrase|words|answer|summary|caption) into (?:an? )?(?:\\w+ )?" + IMAGE;

    static final String IMAGE_EDITING =
            "\\bswap\\w* (?:out )?(?:the |my |her |his |their )?\\w+ (?:for|with)\\b|\\bedit|modif|alter|recolou?r|repaint|(?:change|make|turn|paint|set)\\w* (?:the |its |their )?(?:\\w+ ){0,3}(?:colou?r|background|sky|to (?:red|green|blue|yellow|white|black(?![- ]and[- ]white)|purple|pink|orange|grey|gray))"
                    + "|\\badd\\w* (?:a |an |some )?(?:[\\w-]+ ){0,3}(?:to|in|into|on|onto)\\b[^.?!]{0,60}?(?:" + IMAGE + "|\\.(?:jpe?g|png|gif|bmp|webp)\\b)"
                    + "|(?:add|insert|put|overlay|place|write)\\w* (?:the |a |an |some |this |that )?(?:\\w+ )?(?:text|phrase|caption|sentence|watermark|label|title|logo|«Q)(?!\\w*\\s+(?:for|of|about|describing)\\b)"
                    + "|\\b(?:add|insert|put|place)\\w* (?:(?:a |an |some )(?:[\\w-]+ ){0,5}|(?!(?:on|in|at|to|into|onto|out|from|over|under|near|around|next|behind|beside|above|below)\\b)(?:[\\w-]+ ){1,5})(?:on|onto|to|into|in|at|next to|beside|behind|over|above|under|below|near|around|out of|from) (?:the|this|my|its|his|her|him|them|it)\\b"
                    + "|\\b(?:put|place)\\w* (?:the|his|her|my|our|that|this) (?!(?:\\w+ )?(?:image|picture|idea|thought|vision|concept|scene|text|words)\\b)(?:[\\w-]+ ){0,3}(?:on|onto|in|into|next to|beside|behind|under) (?:an?|the|some) "
                    + "|\\b(?:paint|colou?r|recolou?r|dye)\\w* (?:the|its|their|his|her|my) (?:[\\w./-]+ ){0,4}(?:(?:sage|dark|light|bright|pale|deep|navy|forest|pastel|baby|hot) )?(?:red|green|blue|yellow|white|black|purple|pink|orange|grey|gray|brown|gold|silver|beige|teal)\\b"
                    + "|\\b(?:one|a|another) version (?:where|in which|with)\\b"
                    + "|remov\\w* (?:the )?(?!(?:\\w+ )?background)|replac|highlight|adjust\\w* (?:(?:it|the \\w+|this \\w+|its \\w+) )?accordingly|adjust\\w* (?:the |its )?(?:colou?r|brightness|contrast|background|lighting|saturation)|(?:painted|colou?red|turned|made) (?:red|green|blue|yellow|white|black|purple|pink|orange|gr[ae]y|brown|golden)\\b|version of (?:the |this |that |my )?" + IMAGE + " (?:where|in which|with)\\b|\\b(?:to|into) (?:red|green|blue|yellow|white|black(?![- ]and[- ]white)|purple|pink|orange)\\b|adapt";

    static final String IMAGE_TO_IMAGE =
            "styl|vintage|cartoon|anime|pixel art|oil painting|watercolou?r painting|van gogh|colori[sz]|variations? of|gr[ae]yscale|black[- ]and[- ]white|monochrome|sepia|artistic|filter|look like|resembl|reference image|similar to|sharpen|upscal|restor"
                    + "|" + ENHANCE_IT + "|deblur|blurry|(?:enhanc|improv|sharpen)\\w* (?:the |this |that |my |its )?(?:\\w+ )?(?:quality|resolution|clarity|" + IMAGE + ")"
                    + "|(?:transform|convert|turn)\\w* (?:the |this |my |it|that )?(?:\\w+ )?" + IMAGE
                    + "|(?:bump|increas|rais|boost|doubl)\\w* (?:up )?(?:the |its )?resolution|higher resolution"
                    + "|\\brotat|\\bflip|mirror (?:it|the|this)|\\bblur (?:it|the (?:whole )?(?:image|picture|photo))|brighten|darken|\\b(?:brighter|darker|sharper)\\b|invert the colou?rs|pixelat|denois";

    static final String OBJECT_DETECTION =
            "detect|object detection|bounding|box(?:es)? around|\\bmark (?:where|the (?:location|position)s? of)\\b|\\bbox (?:every|each|all|the)\\b|labels? (?:of|for) (?:the |all |these |those )?objects|identif\\w* (?:what|which) (?:the |these |those )?(?:objects|items|things)|(?:locat|spot|find|identif|recogni[sz]|list|label|point out)\\w* (?:all |any |every |each |the |various |different |significant |key |main |specific |individual ){0,8}(?:\\w+ )?(?:objects|items|elements|things|people|persons|faces|animals|vehicles?|cars?)\\b"
                    + "|(?<!\\bof (?:the |these |those |all |any |different |various |each )?)objects (?:in|within|present|featured|contained)|what objects|\\bfaces?\\b"
                    + "|\\blist (?:out )?(?:all )?(?:the )?(?:stuff|things|items|objects)\\b[^.?!]{0,40}?\\b(?:in it|in (?:the|this) (?:photo|picture|image|shot))"
                    + "|count (?:the |all (?:the )?)?(?:\\w+ )?" + COUNTED;

    /** Describing a picture: "describe it", "caption the photo", "turn it into text". */
    static final String IMAGE_TO_TEXT_DESCRIBING =
            "describ|descript|caption|textual (?:depiction|representation|version|interpretation)|(?:\\b\\w+ )?(?:into|to) (?:text|words)\\b"
                    + "|\\bread (?:it|this|that|the (?:text|inscription|sign|label|words|writing|note|letter))\\b(?! (?:aloud|out|back|to me))"
                    + "|\\bread (?:me )?what(?:'s| is) (?:written )?(?:on|in)\\b"
                    + "|interpret (?:the |this |each )?(?:\\w+ )?(?:image|segment|picture|photo)"
                    + "|what (?:the |this |that |my )?" + IMAGE + " (?:shows|depicts|is showing|is about)\\b";

    static final String IMAGE_CLASSIFICATION =
            "(?:classif|categori[sz])(?!\\w* (?:the |these |each |all |any )?(?:\\w+ )?(?:words|terms|tokens|sentences?)\\b)|which (?:class|category)|what (?:class|category|kind|type|breed|species)|what (?:object|it) (?:is|depicts)"
                    + "|what(?:'s| is) (?:in|on|depicted in|shown in) (?:the|this|that|my) " + IMAGE
                    + "|(?:identif|recogni[sz])\\w* (?:it|what|the (?:object|item|plant|animal|flower|bird|dog|cat|breed|species|landmark))|(?:label|tag)\\w* (?:the |this |my )?(?:image|picture|photo)";

    static final String TEXT_GENERATION =
            "(?:paraphras|rephras|reword|rewrit(?!ten))(?!\\w*\\b" + IN_A_TONE + ")|(?:in|with) (?:a )?different (?:way|words|wording)|(?:new|different|alternative|another) version of"
                    + "|(?:continu|complet|finish|extend)\\w* (?:the |this |my |that )?(?:\\w+ )?(?:story|sentence|text|paragraph|passage|phrase|line|poem)"
                    + "|(?:write|compose|craft|pen|draft)\\w* (?:me )?(?:a |an |some )?(?:\\w+ ){0,2}(?:story|poem|essay|article|blog|paragraph|blurb|narrative|script|piece|email|letter|tweet|post|slogan|tagline|headline|guide|outline|lyrics|song|jokes?|quiz|invitation)"
                    + "|brainstorm|(?:a |some )(?:\\w+ )?(?:slogans?|taglines?|headlines?)";

    // --- Weak rules: vague verbs, which name a task only when no rule above matches ---

    static final String AUDIO_CLASSIFICATION_WEAK = "(?:analy[sz]|understand|identify|examin|interpret)\\w* (?:the |this |that |my )?" + AUDIO;

    /** A reply from a chat model: "send it to the dialogue model", "대화 모델한테 말 걸어 봐". */
    static final String CONVERSATIONAL = "dialog(?:ue)? model|chat ?bot model|conversational (?:model|ai)|chat model"
            + "|\\b(?:have|let|ask|get) (?:the |a |your )?(?:chat ?bot|bot|dialog(?:ue)? model) (?:to )?(?:respond|reply|answer|react|talk)";

    /** A text's vector: "the embedding of this sentence", "a feature vector for my search index". */
    static final String FEATURE_EXTRACTION = "\\bembed (?:it|this|these|them|the \\w+|(?:every|each|all(?: the)?) \\w+|[\\w./~-]+\\.\\w+)\\b|into vectors|embedd?ings?|vector representation|feature vectors?|vectori[sz]|extract (?:the )?features|feature extraction";

    static final String QUESTION_ANSWERING_WEAK =
            "answer|(?<!quick )question|\\btell me\\s*+:|^\\W*+(?:(?:and|also|so|but|plus)\\s++){0,3}+(?:tell me|let me know|i wonder|quick question)\\W+(?:is|are|was|were|does|do|did|has|have)\\s(?!you\\b|u\\b)[^?!]{5,300}\\?\\s*$|:\\s*+(?:is|are|was|were|does|do|did|has|have)\\s(?!you\\b|u\\b)[^?!:]{5,300}\\?|^\\W*(?:is|are|was|were|does|do|did|has|have)\\s(?!you\\b|u\\b)[^?!]{5,300}\\?\\s*$|based on (?:that|this|it|the (?:text|passage|above|quote))\\b|(?:based on|according to|going by|per|from|in|using)\\s++(?:the\\s++|my\\s++|our\\s++)?[\\w./~-]{1,200}?\\.(?:txt|md|csv|json|html?|pdf)\\b[^?!]{0,300}\\?|according to (?:the|this) (?:text|passage|article|paragraph)|find out|figure out|figuring out|determin|(?:identify|tell me|know|confirm|check)\\w* (?:which|what|who|where|when|whether|if|how many)\\b|\\btell me the\\b|\\bfind (?:the|its|their) (?!(?:\\w+ )?(?:objects|items|things|people|persons|faces|animals|cars|vehicles)\\b)\\w+|main (?:theme|topic|idea|subject)|what (?:the|it) (?:is )?about|\\b(?:what|who|when|where|which|how)\\b" + GAP + "\\?";

    static final String CONVERSATIONAL_WEAK =
            "\\bchat|conversation|\\btalk|discuss|dialog|engag|respond|reply|response|advice|advise|recommend|\\btips?\\b"
                    + "|suggest|guide|information about|tell me (?:more|about)|explain|insight|interact|key aspects|aspects of|the process of"
                    + "|steps (?:to|for)|walk me through|what do you think|your (?:opinion|thoughts)";

    static final String TEXT_GENERATION_WEAK =
            "write|compose|continu|\\bstor(?:y|ies)\\b|poem|essay|paraphras|rephras|rewrit|alternative version|expand|generat\\w* (?:a |an |some |the |new )?(?:\\w+ )?(?:text|paragraph|passage|lines?|sentences?|ideas|content|blurb|story|continuation|description|caption)|elaborat|come up with|follow[- ]up"
                    + "|next (?:line|sentence|paragraph)|extrapolat|blurb|overview|narrative";
}

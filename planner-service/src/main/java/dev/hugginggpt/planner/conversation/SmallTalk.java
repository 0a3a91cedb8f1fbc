package dev.hugginggpt.planner.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message is conversation that asks for no task: greetings, "who are you", "what can you do", thanks,
 * questions about the system. Every phrase of it must be one of these, so "Hello, can you transcribe this?" or
 * "What can you do with this picture?" are requests, not small talk.
 */
public final class SmallTalk {
    /** Small talk is a sentence or two. */
    static final int MAX_CHARS = 200;

    private static final Pattern PHRASE = Pattern.compile(
            "\\b(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day|night)|welcome"
                    + "|how are you(?: doing)?|how(?:'s| is) it going|how(?:'s| is| was) your (?:day|morning|evening|week|weekend)(?: going| been)?|what'?s up|nice to meet you"
                    + "|who are you|what are you|who (?:made|built|created|trained|wrote|developed) you|what(?:'s| is) your name"
                    + "|are you (?:a bot|an ai|a robot|human|real|chatgpt|hugginggpt|an llm)"
                    + "|what (?:else )?(?:can|could) you do|what do you do|what (?:can|could) (?:you|i) (?:help|ask)(?: you)?(?: me)?(?: with)?"
                    + "|how (?:can|could) you help(?: me)?|how do(?:es)? (?:you|this|it) work|how do i use (?:you|this|it)"
                    + "|what are your (?:capabilities|abilities|features|skills|limits)|tell me about yourself"
                    + "|what (?:tasks|models|languages|things|kinds of tasks|types of tasks) (?:do|can) you (?:support|have|use|run|handle|speak|know|do|understand)"
                    + "|which (?:tasks|models|languages) (?:do|can) you (?:support|have|use|run|handle|speak|know|do|understand)"
                    + "|what (?:is|are) (?:hugginggpt|this (?:system|app|tool|service|thing|place))"
                    + "|thanks|thank you|thx|cheers|great|awesome|nice|cool|perfect|wonderful|excellent|good job|well done|got it"
                    + "|that (?:helped|helps|worked|works|did it|solved it|fixed it)|(?:it )?works now|(?:solved|fixed) it"
                    + "|(?:very |super |really |so )?(?:helpful|useful|fast|quick|amazing|impressive)|have a (?:good|great|nice) (?:one|day|night|evening|weekend)|take care"
                    // questions about the system: what it accepts, what it keeps, how it works
                    + "|do you (?:support|handle|accept|take|understand|work with) (?:\\w+ ){0,2}?(?:videos?|audio|images?|pictures?|photos?|pdfs?|files?|documents?|recordings?|languages?|korean|english)"
                    + "|can i (?:send|upload|attach|give)(?: you)? (?:an? |more than one |several |multiple |many |\\d+ )?(?:\\w+ )?(?:files?|images?|pictures?|photos?|videos?|pdfs?|mp4|mp3|wav|jpe?g|png|recordings?|documents?)"
                    + "|what (?:kinds?|types?|sorts?) of (?:files?|images?|media|formats?|documents?) (?:can|do|does|should) (?:i|you) (?:upload|send|attach|use|accept|support|take|read)"
                    + "|(?:is|are) my (?:data|files?|uploads?|images?|photos?|recordings?|documents?|requests?) (?:stored|saved|kept|shared|private|safe|deleted|used)"
                    + "|do you (?:store|keep|save|share|log) my (?:data|files?|uploads?|requests?|messages?)"
                    + "|(?:can|do) you remember(?: what we (?:talked|spoke|chatted) about| our (?:conversation|chat)| me)?"
                    + "|how do you (?:decide|choose|pick|select) (?:which|what) (?:models?|tasks?)(?: to use)?(?: for (?:my|a|each|the) (?:request|task|question)s?)?"
                    + "|do you (?:keep|store|save|delete) (?:copies of )?(?:my |the )?(?:\\w+ )?(?:files?|data|uploads?|recordings?|photos?)(?: i (?:upload|send))?"
                    + "|do (?:they|my files|the files) get (?:deleted|removed|stored|kept)(?: after(?:wards)?)?"
                    + "|(?:what's|what is) the difference between you and|(?:is there|what's|what is) (?:a |the )?(?:size|file size|upload) limit"
                    + "|how (?:big|large|long) (?:can|may) (?:a |my |the )?(?:files?|uploads?|videos?|recordings?) be"
                    + "|what (?:kind|kinds|sort) of (?:stuff|things) can you do|first time using (?:this|you)(?: thing| app| tool)?"
                    + "|hope (?:your (?:day|evening|week|morning)(?:'s| is) going well|you(?:'re| are) (?:well|doing well|good))"
                    + "|why (?:did|does|is) (?:that|it|this)(?: last one)? (?:take|taking) so long|(?:that|it) (?:was|is) (?:so )?slow"
                    + "|that'?s all(?: for (?:today|now))?|night|nite|(?:that'?s )?exactly (?:it|what i (?:wanted|needed))|catch you (?:later|tomorrow)|talk (?:to you )?(?:later|tomorrow)"
                    + "|do you have a name|what (?:should|do) i call you|can you (?:open|read|handle) (?:\\.?\\w+ )?(?:files|archives)"
                    + "|oops|never ?mind|nvm|ignore (?:that|this|it|me)|wrong (?:window|chat|tab)|figured it out(?: myself| on my own)?"
                    + "|ha(?:ha)+|lol|bye|goodbye|see you|ok|okay|help)\\b"
                    + "|안녕(?:하세요|하십니까|히)?|반가워요?|반갑습니다|고마워요?|고맙습니다|감사(?:합니다|해요|드립니다)"
                    + "|(?:뭘|무엇을|뭐를?) 할 수 있(?:어요|어|나요|니|습니까)?|(?:너는|넌|당신은) 누구(?:야|세요|니|신가요|예요)?|누구(?:세요|신가요)"
                    + "|도와줄 수 있는 (?:게|것이|일이) 뭐(?:야|예요|니)?|수고하셨습니다|잘했어"
                    + "|(?:(?:너는|넌|너|당신은) )?(?:한국어 말고 )?(?:또 )?(?:어떤|무슨) 언어(?:를|도)? ?(?:알아들|할 수 있|지원|이해)(?:어|어요|해|해요|니|나요)?"
                    + "|(?:제가|내가) 올린 (?:사진|파일|녹음|문서|이미지)(?:들)?(?:을|를)? 다른 사람(?:들)?(?:도|이)? 볼 수 있(?:어요|나요|어|니)?"
                    + "|대박|마음에 들어(?:요)?|감사감사|수고했어(?:요)?|오늘은 여기까지|잘 ?자(?:요)?|잘 ?있어(?:요)?"
                    + "|(?:너는|넌|너|당신은) (?:정확히 |대체 |도대체 |그래서 )?뭐 하는 (?:애|앤|거|봇|존재|친구)(?:야|예요|니|임|에요)?"
                    + "|(?:(?:너는|넌|너|당신은) )?누가 (?:만들었|개발했)(?:어요|어|니|나요|습니까)?|빠르(?:다|네요|네|군요)|최고(?:야|예요|다)"
                    + "|(?:이미지|사진|파일|동영상|영상|음성|녹음|문서)(?:를|을)?(?: 여러 ?(?:장|개))?(?: 한 ?번에)? (?:올려도|보내도) (?:돼요|되나요|돼|될까요|되요|되니)"
                    // "덕분에 잘 해결했어요", "도움이 많이 됐어요"; laughter and tears typed as letters: ㅎㅎ, ㅋㅋ, ㅠㅠ
                    + "|덕분에|해결(?:했|됐|되었)(?:어요|어|습니다|네요)|도움이 (?:많이 |정말 |큰 )?(?:됐|되었)(?:어요|어|습니다|네요)|[ㅋㅎㅠㅜ]{2,}|ㅎㅇ",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** Words that may stand around the phrases without asking for anything. */
    private static final Set<String> FILLER = Set.of("me", "you", "please", "so", "much", "very", "a", "lot", "the", "this",
            "there", "today", "right", "now", "here", "offline", "again", "else", "all", "for", "and", "oh", "well", "then",
            "guys", "everyone", "friend", "bot", "assistant", "hugginggpt", "it", "that", "was", "is", "really", "too", "just",
            "of", "with", "exactly", "by", "way", "btw", "anyway", "i", "my", "your", "do", "can", "what", "hmm",
            "super", "at", "like", "later", "anywhere", "after", "upload", "quick", "question", "before", "start", "yesterday",
            "earlier", "last", "time", "one", "more", "or", "alright", "wrong", "window", "normal", "chatbot", "other", "chatgpt",
            "uploads", "on", "video", "audio", "files", "around", "about", "gb", "mb", "yo", "using", "thing", "stuff", "completely",
            "완전", "너는", "넌", "한국어", "말고", "또", "제가", "올린",
            "요", "정말", "너무", "오늘", "지금", "여기서", "혹시", "그럼", "네", "잘", "많이", "진짜", "오", "와", "우와");

    private SmallTalk() {
    }

    /**
     * Words that speak to the assistant or about the conversation: "you", thanks, apologies, goodbyes, laughter, emoji.
     * A short message with one of them in which no task is found is conversation, answered directly (see
     * {@link #addressesTheAssistant}).
     */
    private static final Pattern ADDRESSED = Pattern.compile(
            "\\b(?:you|your|yourself|u|thanks|thank|thx|ty|tysm|sorry|bye|gotta (?:go|run)|cheers|lol|haha|appreciate)\\b"
                    + "|너(?:는|도)?\\s|넌|당신|감사|고마|미안|죄송|[ㅋㅎㅠㅜ]{2,}|ㅇㅋ|알겠|올게|안녕|무료|귀엽|좋아(?:해|요)"
                    + "|ㅎㅇ|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]",
            Pattern.CASE_INSENSITIVE);
    /** A file name or a quoted text: something given to work on. */
    private static final String FILE_NAME = "[\\p{L}\\p{N}_]\\.[A-Za-z0-9]{2,5}\\b";
    private static final Pattern GIVES_MATERIAL = Pattern.compile(FILE_NAME + "|(?<![\\p{L}\\p{N}])['‘]|[\"“「]");
    /** A file name: something given to work on ("i'll" and a quoted term are not). */
    private static final Pattern NAMES_A_FILE = Pattern.compile(FILE_NAME);

    /**
     * Questions about how this system works rather than requests for a task: which model it used, what it accepts, what
     * it keeps, how far it goes, what it can do; and messages that say outright that nothing should run.
     */
    private static final Pattern ABOUT_THE_SYSTEM = Pattern.compile(
            "\\b(?:which|what) (?:\\w+ )?(?:models?|engines?) (?:did|do|does|will|would|are|were|is) (?:you|it|this|that)\\b"
                    + "|\\bwhat (?:\\w+ )?(?:formats?|file types?|extensions?) (?:can|do|does|should|will) (?:i|you|it)\\b"
                    + "|\\b(?:i|we) (?:upload|send|attach)\\b.{0,40}\\b(?:kept|stored|saved|deleted|removed|private|shared|visible|used to train|training)\\b"
                    + "|\\b(?:what|which) (?:languages|file types|formats|tasks|models) (?:can|do|does|will) (?:you|it|this)\\b"
                    + "|\\bis there (?:a |any )?(?:\\w+ ){0,2}limit\\b|\\bcan you (?:output|export|return|save|give me) (?:\\w+ )?(?:mp3|wav|flac|ogg|png|jpe?g|webp|pdf|mp4|gif)s? (?:instead|rather)\\b"
                    + "|(?:말해도|써도|물어봐도|보내도|올려도) (?:알아들|이해해|이해하|알아)|(?:한국어|영어|한글)로 (?:물어봐도|말해도|써도|질문해도) (?:돼|되|될까|괜찮)|\\bhow (?:long|big|large|many) (?:of )?(?:a |an )?(?:\\w+ )?(?:can|may) (?:i|it|you|u|the)\\b"
                    + "|\\bare (?:you|u) (?:a |an )?(?:chatgpt|gpt|openai|claude|gemini|llm|ai|bot|robot|human|person|real)\\b"
                    + "|\\b(?:don'?t|do not|no need to) (?:run|execute) (?:anything|any tasks?|any models?)\\b"
                    + "|\\bnot asking (?:you )?to (?:run|do|make|execute|generate) (?:anything|any\\w*)\\b"
                    + "|\\bdo (?:you|u) (?:keep|store|save|delete|retain) (?:the |my |all )?(?:\\w+ )?(?:photos|pictures|images|files|recordings|uploads|videos|data|stuff)\\b"
                    + "|\\bis (?:that|this|it) normal (?:for|with)\\b|\\b(?:took|takes|taking) (?:forever|so long|ages)\\b[^?]*\\?"
                    + "|(?:편집|번역|기능|작업)(?:도|은|는)? (?:되나요|돼요|가능한가요|가능해요|할 수 있나요)|어디에? 저장(?:된|되|돼)|다운로드(?:는|를|하려면)? 어떻게"
                    + "|(?:어떤|무슨) 설정(?:으로|을|이)|(?:어떤|무슨) (?:작업|기능)(?:들)?(?:을|이)? ?(?:할 수 있|되는지|가능|지원)"
                    + "|(?:뭐뭐|뭘|무엇을|뭐를?|어떤 (?:걸|것을|일을?|작업을?)) (?:할 수 있|해 줄 수 있|해줄 수 있)"
                    + "|(?:영상|동영상|비디오|파일|녹음|음성|업로드|사진)[^?]{0,20}(?:최대 (?:몇|얼마)|몇 ?(?:초|분|장|개|메가|mb|시간)(?:짜리)?까지)[^?]{0,15}(?:돼|되|가능|올릴|만들)|(?:용량|크기|파일|길이|시간) ?제한"
                    + "|\\b(?:free tier|pricing|subscription|per month|monthly fee)\\b"
                    + "|\\bdo (?:you|u) (?:support|handle|do|offer) (?:\\w+ ){0,2}?(?:editing|videos?|audio|images?|languages?|pdfs?|files?)\\b"
                    + "|\\bhow long (?:do|will|would) (?:you|u) (?:keep|store|retain|hold|save)\\b"
                    + "|\\b(?:longest|biggest|largest|max(?:imum)?) (?:\\w+ ){0,2}(?:i|you) can (?:upload|send|attach|give|handle|process|take|accept|transcribe)\\b"
                    + "|(?:올린|업로드한|보낸) (?:\\S+ )?(?:파일|사진|거|것|자료)(?:들)?.{0,30}(?:저장|삭제|지워|남아|보관|볼 수 있|공개)"
                    + "|(?:어떤|무슨) (?:모델|형식|포맷|파일 형식)(?:을|를|이|로)? ?(?:썼|써|쓰|사용|지원|올릴)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether a short message in which the planner found no task speaks to the assistant ("Are you running in the cloud?",
     * "Sorry for all the back-and-forth", "ㅇㅋ 알겠어 담에 또 올게~") and gives nothing to work on: conversation, not a
     * request the planner failed to read.
     */
    public static boolean addressesTheAssistant(String message) {
        return message != null && message.length() <= MAX_CHARS && ADDRESSED.matcher(message).find()
                && !GIVES_MATERIAL.matcher(message).find();
    }

    /** Small talk or a question about the system: answered directly, with no task. */
    public static boolean answeredDirectly(String message) {
        return is(message) || asksAboutTheSystem(message);
    }

    /**
     * Whether a short message asks about the system itself ("which model did you use for that transcription?", "what audio
     * formats can i upload?", "영상은 최대 몇 초까지 되나요?") or says that nothing should run, and names no file: answered
     * directly, even where its words would name a task.
     */
    public static boolean asksAboutTheSystem(String message) {
        return message != null && message.length() <= MAX_CHARS && ABOUT_THE_SYSTEM.matcher(message).find()
                && !NAMES_A_FILE.matcher(message).find();
    }

    /** A farewell: "bye!", "talk later", "담에 또 올게". */
    static boolean saysGoodbye(String message) {
        return message != null && FAREWELL.matcher(message).find();
    }

    private static final Pattern FAREWELL = Pattern.compile(
            "\\b(?:bye|goodbye|see you|see ya|catch you later|talk (?:to you )?(?:later|tomorrow)|take care|gotta (?:go|run)"
                    + "|good ?night)\\b|잘 ?있어|잘 ?자|또 올게|담에 (?:봐|또)|다음에 (?:봐|또)|안녕히",
            Pattern.CASE_INSENSITIVE);

    public static boolean is(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_CHARS) {
            return false;
        }
        Matcher phrases = PHRASE.matcher(message.toLowerCase(Locale.ROOT));
        if (!phrases.find()) {
            return false;
        }
        String rest = phrases.replaceAll(" ");
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (!FILLER.contains(words.group()) && !words.group().chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}

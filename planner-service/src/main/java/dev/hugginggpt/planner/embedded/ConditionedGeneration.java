package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.ChatMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A picture drawn on the shape of another: "use the edges of house.jpg to generate a cabin", "draw an astronaut in
 * the pose of dancer.png", "a city using the depth map of street.jpg", "turn my scribble into a photo of a cat". Its
 * plan is the control task that extracts that shape (canny-control, openpose-control, depth-control, seg-control,
 * scribble-control, hed-control, mlsd-control, normal-control) and the text-to-image task conditioned on it
 * ({@code canny-text-to-image}, ...), whether or not a model here runs the second (remote backends do).
 */
final class ConditionedGeneration {
    /**
     * Shapes no other task makes: "estimate the normal map of x.png, then generate ..." is drawn on that map, while an
     * estimated depth map or detected edges may be a depth estimation or a segmentation of their own.
     */
    private static final Set<String> ONLY_A_CONTROL_TASK_MAKES = Set.of("normal", "hed", "mlsd", "scribble");

    /**
     * The shape a sentence names, as a control kind, and the prompt of the picture to draw; {@code map} is the picture
     * the request says already is that shape (drawn on as it is), else null (the shape is extracted first).
     */
    record Found(String kind, String prompt, String map) {
        Found(String kind, String prompt) {
            this(kind, prompt, null);
        }
    }

    /**
     * A picture the request says already is a shape: "lines.png is an M-LSD line map", "제가 만든 엣지맵 e.png"; {@code map}
     * is empty when the request says it of its attached picture ("it's basically a scribble map already").
     */
    record ReadyMade(String kind, String map) {
    }

    private record Shape(String kind, Pattern words) {
    }

    /** Most specific first: "soft edges" before "edges", "segmentation map" before anything with "map". */
    private static final List<Shape> SHAPES = List.of(
            shape("scribble", EnglishLexicon.SCRIBBLE),
            shape("hed", EnglishLexicon.SOFT_EDGES),
            shape("mlsd", EnglishLexicon.STRAIGHT_LINES),
            shape("normal", EnglishLexicon.NORMAL_MAP),
            shape("seg", EnglishLexicon.SEGMENTATION_MAP),
            shape("depth", EnglishLexicon.DEPTH_MAP),
            shape("openpose", EnglishLexicon.POSE),
            shape("canny", EnglishLexicon.EDGES));

    /** Words that take a shape to draw on: "use the edges of", "using the depth map", "in that pose", "turn my scribble". */
    private static final String TAKES = "\\b(?:" + EnglishLexicon.TAKES_A_SHAPE + ")\\b";
    private static final Pattern DRAWS = Pattern.compile(
            "(?<![\\w-])(?!(?:" + EnglishLexicon.DRAWING_VERB_STEMS + ")\\w*(?:er|or)s?\\b)(?:" + EnglishLexicon.DRAWING_VERB_STEMS + "|" + EnglishLexicon.TURNING_VERB_STEMS + ")\\w*\\b", Pattern.CASE_INSENSITIVE);
    /** What to draw: the words after the drawing verb, up to where the shape is named (file names keep their dots). */
    private static final Pattern PROMPT = Pattern.compile(
            "\\b(?:" + EnglishLexicon.DRAWING_VERB_STEMS + ")\\w*\\s++(?:me\\s++|us\\s++)?(?:(?:it|this|that|them)\\s++(?:as|into)\\s++)?(?:an?\\s++(?:new\\s++)?(?:image|picture) of\\s++)?"
                    + "([^?!]{3,300}?)(?=\\s++(?:" + EnglishLexicon.BEFORE_THE_SHAPE + ")\\b|\\s*+,?\\s*+(?:and )?then\\b|\\s*+[.?!]?\\s*+$)"
                    + "|\\b(?:" + EnglishLexicon.TURNING_VERB_STEMS + ")\\w*\\b[^?!]{0,100}?\\binto\\s++([^?!]{3,300}?)\\s*+[.?!]?\\s*+$",
            Pattern.CASE_INSENSITIVE);

    /** The same in Korean: the shape's name, then a picture drawn ("자세를 따라 해서 기사 그림 만들어 줘"). */
    private static final List<Shape> KOREAN_SHAPES = List.of(
            new Shape("scribble", Pattern.compile(KoreanLexicon.SCRIBBLE)),
            new Shape("hed", Pattern.compile("HED|hed|소프트 ?엣지")),
            new Shape("mlsd", Pattern.compile(KoreanLexicon.STRAIGHT_LINES)),
            new Shape("normal", Pattern.compile(KoreanLexicon.NORMAL_MAP)),
            new Shape("seg", Pattern.compile(KoreanLexicon.SEGMENTATION_MAP)),
            new Shape("depth", Pattern.compile(KoreanLexicon.DEPTH_MAP)),
            new Shape("openpose", Pattern.compile(KoreanLexicon.POSE)),
            new Shape("canny", Pattern.compile(KoreanLexicon.EDGES)));
    private static final Pattern KOREAN_DRAWS = Pattern.compile(KoreanLexicon.DRAWS_A_PICTURE);
    /** What to draw on a ready-made Korean map: after the map's file and how it is used, up to the drawing verb. */
    private static final Pattern KOREAN_PROMPT_AFTER_MAP = Pattern.compile(
            "(?:\\.(?:png|jpe?g|webp|bmp|gif)\\)?(?:를|을)?|(?:이|그) ?맵(?:을|를)?|그대로|이대로)\\s*+(?:\\S+ ?맵(?:으로|을|를) )?(?:그대로 )?(?:(?:이걸|이거를?|그걸) )?(?:\\S+ (?=삼아))?(?:써서|사용해서|이용해서|활용해서|삼아서?|" + KoreanLexicon.TAKES_A_SHAPE + ")\\s++"
                    + "([^?!]{2,300}?)(?:을|를|으로)?\\s*+(?:" + KoreanLexicon.PICTURE_TO_DRAW + ")?(?:을|를|으로)?\\s*+(?:" + KoreanLexicon.DRAWING_VERBS + ")");
    /** What to draw in Korean: the words after the shape is taken ("그걸로", "따라 해서") up to the drawing verb. */
    private static final Pattern KOREAN_PROMPT = Pattern.compile(
            "(?:" + KoreanLexicon.TAKES_A_SHAPE + ")\\s++([^?!]{2,300}?)"
                    + "(?:을|를)?\\s*+(?:" + KoreanLexicon.PICTURE_TO_DRAW + ")?(?:을|를)?\\s*+(?:" + KoreanLexicon.DRAWING_VERBS + ")");

    /** A picture's file name, read from where a word starts (as RequestText reads file names): linear in a long word. */
    private static final String PICTURE_FILE = "(?<![\\w가-힣/.~-])((?:~?/)?(?:[\\w가-힣.-]++/){0,32}[\\w가-힣-][\\w가-힣.-]*\\.(?:png|jpe?g|webp|bmp|gif))";
    /** The names of a ready-made shape, with the noun that makes it a map: "an HED map", "my openpose skeleton". */
    private static final List<Shape> MAPS = List.of(
            mapName("scribble", EnglishLexicon.SCRIBBLE_MAP, KoreanLexicon.SCRIBBLE + "|스크리블"),
            mapName("hed", EnglishLexicon.SOFT_EDGES_MAP, "HED|hed|소프트 ?엣지"),
            mapName("mlsd", EnglishLexicon.STRAIGHT_LINES_MAP, "(?:(?:M-?LSD|m-?lsd) ?)?(?:직?선|라인)|" + KoreanLexicon.STRAIGHT_LINES),
            mapName("normal", EnglishLexicon.NORMAL_MAP, "노멀|노말|법선|normal"),
            mapName("seg", EnglishLexicon.SEGMENTATION_MAP_READY, "세그멘테이션|분할|세그|seg(?:mentation)?"),
            mapName("depth", EnglishLexicon.DEPTH_MAP_READY, "깊이|뎁스|depth"),
            mapName("openpose", EnglishLexicon.POSE_MAP, "포즈|자세|스켈레톤|(?:open)?pose"),
            mapName("canny", EnglishLexicon.EDGE_MAP, "(?:canny |캐니 )?(?:엣지|윤곽선?|외곽선)"));

    private static final Pattern SHAPE_NAMES = Pattern.compile("\\b(?:" + String.join("|", EnglishLexicon.SCRIBBLE,
            EnglishLexicon.SOFT_EDGES, EnglishLexicon.STRAIGHT_LINES, EnglishLexicon.NORMAL_MAP, EnglishLexicon.SEGMENTATION_MAP,
            EnglishLexicon.DEPTH_MAP, EnglishLexicon.POSE, EnglishLexicon.EDGES, "layout") + ")\\b|" + String.join("|",
            KoreanLexicon.SCRIBBLE, KoreanLexicon.STRAIGHT_LINES, KoreanLexicon.NORMAL_MAP, KoreanLexicon.SEGMENTATION_MAP,
            KoreanLexicon.DEPTH_MAP, KoreanLexicon.POSE, KoreanLexicon.EDGES, "맵|배치|구조|구도"), Pattern.CASE_INSENSITIVE);

    private ConditionedGeneration() {
    }

    /**
     * The shape's name said of a picture file: "lines.png is an M-LSD line map", "hed.png (it's already an HED map)",
     * "i already have a depth map (d.png)", "here's an openpose skeleton i made (pose.png)", "제가 만든 엣지맵 e.png",
     * "이 노멀맵 n.png", "s.png를 스크리블 맵으로 그대로 써서".
     */
    private static Shape mapName(String kind, String english, String korean) {
        String map = "(?:" + english + ")";
        String koreanMap = "(?:" + korean + ") ?(?:맵|map|지도)";
        return new Shape(kind, Pattern.compile(
                PICTURE_FILE + "\\s*+(?:\\(\\s*+|,\\s*+)?(?:is|it's|it is|which is|that's|that is)\\s++(?:already\\s++)?(?:an?|the|my)\\s++(?:[\\w()-]+\\s++){0,2}?" + map + "\\b"
                        + "|\\b(?:i (?:already )?(?:have|made|drew|created|extracted|baked|prepared|exported|rendered|generated)"
                        + "|i've (?:already )?(?:got|made|baked|prepared)|^(?:just |already )?(?:got|made|baked|exported)|here'?s|here is|attached is|this is|handed me|gave me|sent me)"
                        + "\\s++(?:an?|the|my|this)\\s++(?:[\\w()-]+\\s++){0,3}?" + map + "\\b[^.?!]{0,60}?" + PICTURE_FILE
                        + "|\\b(?:my|this|the|an?) (?:own )?" + map + "\\s*+[(,:]?\\s*+" + PICTURE_FILE
                        + "|(?:제가|내가|직접) (?:만든|그린|뽑은|추출한|준비한|가지고 있는|갖고 있는|가진) (?:\\S+ ){0,2}?" + koreanMap + "\\s*+" + PICTURE_FILE
                        // "내가 그린 낙서야 ㅋㅋ scribble.png": what the user drew is that shape, map or not
                        + "|(?:제가|내가|직접) (?:\\S+ ){0,2}?(?:만든|그린|뽑은|추출한|준비한) (?:" + korean + ")(?:야|이야|예요|이에요|인데|입니다)?[\\s.,!ㅋㅎ]{0,10}" + PICTURE_FILE
                        + "|(?:(?:제가|내가|직접) )?(?:미리 |이미 |직접 )?(?:뽑아 ?둔|만들어 ?둔|추출해 ?둔|준비해 ?둔|뽑은|만든|추출한) (?:\\S+ ){0,2}?" + koreanMap + "(?:이|가)? ?있(?:어요|어|는데|습니다)?\\s*+[(:]?\\s*+" + PICTURE_FILE
                        // the attached picture: "애가 그린 낙서예요", "오픈포즈 스켈레톤 이미지예요", "노멀맵 이미지 첨부했어요"
                        + "|(?:애가|아이가|딸이|아들이|조카가|제가|내가) (?:\\S+ )?(?:그린|끄적인) (?:" + korean + ")(?:예요|이에요|야|이야|입니다|인데)()"
                        + "|(?:" + korean + ") ?(?:스켈레톤|맵)(?: 이미지| 사진| 그림| 파일)?(?:이에요|예요|입니다|이야|이거든요?)()"
                        + "|" + koreanMap + "(?: 이미지| 사진| 파일)?(?:을|를|도)? ?첨부(?:했|합니다|해요|함)()"
                        + "|" + PICTURE_FILE + "\\s*+(?:는|은|이|가)?\\s*+(?:\\S+\\s++){0,5}?" + koreanMap + "(?:이야|이에요|예요|입니다|이다|인데)"
                        + "|" + PICTURE_FILE + "(?:를|을)?\\s*+(?:" + korean + ") ?(?:맵|map)(?:을|를)? (?:그대로 )?(?:써|쓰|사용|삼아)"
                        // the attached picture itself: "it's basically a scribble map already", "the attached file is already a canny edge map"
                        + "|\\b(?:it's|it is|this is|that's|this one is|the attached (?:file|image|picture|photo) is|attached is|this (?:[\\w-]+ ){1,2}is)\\s++"
                        + "(?:(?:basically|already|just|actually)\\s++)*(?:an?|the|my)\\s++(?:[\\w-]+\\s++){0,2}?" + map + "\\b()"
                        + "|\\buse (?:it|this|that|the (?:attached )?(?:file|image|picture|photo|drawing)) (?:as is |directly )?as (?:an?|the|my) (?:[\\w-]+\\s++){0,2}?" + map + "\\b()"
                        // "I have my own canny edge image already (attached)", "here's a normal map i already have (attached)"
                        + "|\\b(?:i (?:already )?(?:have|made|drew|got)|here'?s|here is) (?:my own |an? |the |my )?(?:[\\w-]+\\s++){0,3}?" + map + "\\b[^.?!]{0,30}?\\b(?:attached|already|i (?:made|drew|created|exported|prepared|generated|rendered|baked))\\b()"
                        + "|(?:이|그) " + koreanMap + "\\s*+" + PICTURE_FILE
                        // "HED 엣지 이미지 가지고 있는데(sketch_hed.png)"
                        + "|(?:" + korean + ")(?: ?엣지)? ?(?:이미지|사진|그림|맵|파일) (?:가지고|갖고) 있(?:는데|어요|어|습니다)\\s*+\\(?\\s*+" + PICTURE_FILE
                        + "|" + koreanMap + "\\s*+" + PICTURE_FILE + "\\s*+(?:이|가)?\\s*+있(?:는데|어요|어|습니다|거든)"
                        + "|(?:" + korean + ")\\s*+" + PICTURE_FILE + "\\s*+(?:이|가)?\\s*+있(?:는데|어요|어)[^.?!]{0,20}?(?:그대로|이걸로|이거로)"
                        + "|" + koreanMap + "(?:은|는)?\\s*+(?:이미\\s*+)?(?:(?:만들어 ?둔|만든|뽑아 ?둔|준비한|받은|그려 ?둔) (?:거|것|게)\\s*+)?있(?:어요|어|습니다|는데)[.,]?\\s*+\\(?\\s*+" + PICTURE_FILE
                        // "세그멘테이션 맵(seg_layout.png) 그대로 이용해서"
                        + "|" + koreanMap + "\\s*+\\(\\s*+" + PICTURE_FILE + "\\s*+\\)\\s*+(?:을|를)?\\s*+(?:그대로|이대로)"
                        + "|첨부(?:한|된) (?:건|게|것은|파일은|사진은|이미지는|그림은)\\s*+(?:\\S+\\s++){0,5}?" + koreanMap + "(?:이야|이에요|예요|입니다|이다|인데)()"
                        + "|" + PICTURE_FILE + "(?:를|을|는|은)? ?(?:이미 )?(?:" + korean + ") ?맵(?:으로 (?:그대로 )?(?:써|쓰|사용|삼아)|이야|이에요|입니다)",
                Pattern.CASE_INSENSITIVE));
    }

    /** "that pose", "the same pose", "using that map", "같은 포즈로", "그 맵으로": the map an earlier answer made. */
    private static final Pattern THAT_MAP = Pattern.compile(
            "\\b(?:that|this|the same|the|those) (?:[\\w-]+ )?(?:pose|map|skeleton|edges|outline|layout|lines|scribble|depth)\\b"
                    + "|(?:같은|그|이) ?(?:포즈|자세|맵|스켈레톤|윤곽선?|엣지|구도)", Pattern.CASE_INSENSITIVE);
    /** A control task of an earlier answer and the file it produced: "- Task 0 (openpose-control) with local/pose: produced r-52bd.png". */
    private static final Pattern PRODUCED_MAP = Pattern.compile(
            "Task \\d{1,3} \\(([a-z]{1,20})-control\\)[^\\n]{0,200}?produced ([\\w.-]{1,200}\\.(?:png|jpe?g|webp))");

    /**
     * "now use that pose to draw a ballerina", "이번엔 같은 포즈로 발레리나 그려줘": the control map the latest answer produced,
     * when the message refers to it; drawn on as it is.
     */
    static Optional<ReadyMade> madeEarlier(String message, List<ChatMessage> history) {
        if (message == null || !THAT_MAP.matcher(message).find()) {
            return Optional.empty();
        }
        Matcher produced = PRODUCED_MAP.matcher(RequestText.latestAnswer(history));
        ReadyMade last = null;
        while (produced.find()) {
            last = new ReadyMade(produced.group(1), produced.group(2));
        }
        return Optional.ofNullable(last);
    }

    /** Whether a clause names a shape a picture can be drawn on ("the depth of desk.jpg", "그 자세"). */
    static boolean namesAShape(String clause) {
        return SHAPE_NAMES.matcher(clause).find();
    }

    /** The picture the request says already is a shape, if it says so. */
    static Optional<ReadyMade> readyMade(String request) {
        for (Shape shape : MAPS) {
            Matcher named = shape.words().matcher(request);
            if (named.find()) {
                for (int group = 1; group <= named.groupCount(); group++) {
                    if (named.group(group) != null) {
                        return Optional.of(new ReadyMade(shape.kind(), named.group(group)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The conditioned drawing a sentence asks for: on the request's ready-made shape when it has one and the sentence
     * draws ("generate a canyon that matches it"), else on a shape the sentence names.
     */
    static Optional<Found> in(String sentence, Optional<ReadyMade> readyMade) {
        if (readyMade.isPresent() && (KOREAN_DRAWS.matcher(sentence).find() || DRAWS.matcher(sentence).find())) {
            String prompt = promptOf(sentence).or(() -> in(sentence).map(Found::prompt)).orElse(sentence.strip());
            return Optional.of(new Found(readyMade.get().kind(), prompt, readyMade.get().map()));
        }
        return in(sentence);
    }

    private static Optional<String> promptOf(String sentence) {
        Matcher korean = KOREAN_PROMPT_AFTER_MAP.matcher(sentence);
        if (KOREAN_DRAWS.matcher(sentence).find() && korean.find()) {
            return Optional.of(koreanPrompt(korean, sentence));
        }
        Matcher taken = KOREAN_PROMPT.matcher(sentence);
        if (KOREAN_DRAWS.matcher(sentence).find() && taken.find()) {
            // "mlsd 선 맵 있어요 (lines.png). 이걸로 모던한 거실 인테리어 그려주세요"
            return Optional.of(koreanPrompt(taken, sentence));
        }
        Matcher prompt = PROMPT.matcher(sentence);
        return prompt.find() ? Optional.of((prompt.group(1) != null ? prompt.group(1) : prompt.group(2)).strip()) : Optional.empty();
    }

    /**
     * The Korean prompt a matcher found, with the 을 it took for a particle given back when the syllable before it ends in
     * a vowel ("판타지 마을 그려줘": 을 follows a consonant only, so it is part of 마을).
     */
    private static String koreanPrompt(Matcher found, String sentence) {
        String prompt = found.group(1);
        int end = found.end(1);
        char last = prompt.isEmpty() ? ' ' : prompt.charAt(prompt.length() - 1);
        boolean endsInVowel = last >= '가' && last <= '힣' && (last - '가') % 28 == 0;
        if (endsInVowel && sentence.startsWith("을", end)) {
            prompt += "을";
        }
        return prompt.strip();
    }

    private static Shape shape(String kind, String words) {
        String named = "\\s++(?:(?:" + EnglishLexicon.SHAPE_DETERMINERS + ")\\s++){0,3}(?:[\\w-]+\\s++)?(?:" + words + ")\\b";
        // "make a scribble map of chair.jpg, then use it to draw ...": made, then drawn on
        // "depth control map from alley.jpg then draw ... with it": the map asked for without a verb
        return new Shape(kind, Pattern.compile(TAKES + named + "|(?:\\b(?:make|grab|get|extract|pull|create|generate" + (ONLY_A_CONTROL_TASK_MAKES.contains(kind) ? "|estimat\\w*|comput\\w*" : "") + ")|^)" + named.replaceFirst("^\\\\s\\+\\+", "\\\\s*+") + "(?=(?:[^.?!]|\\.(?=[\\w/])){0,200}?\\b(?:(?:use|using)\\s++(?:it|that|this|them)|(?:on|with|onto) (?:it|that|this|them|the (?:[\\w-]+ )?map)|from (?:it|that|them|the (?:[\\w-]+ )?map)|(?:the|that) (?:same|exact) (?:[\\w-]+ )?(?:shape|layout|structure|outline|lines|pose|depth|composition|edges)|(?:redesign|reimagin|re-?render|render|repaint|turn|transform)\\w* (?:it|that|this|them) (?:as|into))\\b)",
                Pattern.CASE_INSENSITIVE));
    }

    /** The conditioned drawing a sentence asks for, if it asks for one. */
    static Optional<Found> in(String sentence) {
        // "그걸 바탕으로 '비 오는 밤의 도쿄 거리' 생성해 주세요": what is made on the shape is a picture
        if (KOREAN_DRAWS.matcher(sentence).find() || KOREAN_PROMPT.matcher(sentence).find()) {
            for (Shape shape : KOREAN_SHAPES) {
                Matcher named = shape.words().matcher(sentence);
                if (named.find()) {
                    Matcher prompt = KOREAN_PROMPT.matcher(sentence);
                    return Optional.of(new Found(shape.kind(), prompt.find(named.end()) ? koreanPrompt(prompt, sentence) : sentence.strip()));
                }
            }
        }
        if (!DRAWS.matcher(sentence).find()) {
            return Optional.empty();
        }
        for (Shape shape : SHAPES) {
            Matcher named = shape.words().matcher(sentence);
            if (named.find()) {
                // "make a canny edge map of house.jpg and then draw a haunted mansion from it": what is drawn follows the shape
                Matcher prompt = PROMPT.matcher(sentence);
                boolean found = prompt.find(named.end()) || prompt.find(0);
                String what = found ? (prompt.group(1) != null ? prompt.group(1) : prompt.group(2)) : sentence;
                return Optional.of(new Found(shape.kind(), what.strip()));
            }
        }
        return Optional.empty();
    }
}

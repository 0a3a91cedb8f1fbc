package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request split for planning: quoted passages are lifted out (so punctuation inside them never
 * splits a clause) and replaced by placeholders; clauses are cut at sentence ends and connectives.
 */
final class RequestText {
    /** How {@link GeneratedRefs#of} begins; typed by a user, it is made {@link #INERT_GENERATED_MARK}. */
    static final String GENERATED_MARK = "<GENERATED>";
    static final String INERT_GENERATED_MARK = "‹GENERATED›";
    /** A quoted passage taken out of the text; an id beyond the quotes found is text the user typed, left as it is. */
    private static final Pattern PLACEHOLDER = Pattern.compile("«Q(\\d{1,9})»");
    /**
     * A file name (Korean names too: 보고서.pdf), with at most 32 folders before it: Java's engine recurses once per
     * repetition of a group, so a path of thousands of folders would overflow the stack. A name starts only where a
     * word does (the look-behind): tried at every letter of a long word, the search would take quadratic time.
     */
    private static final Pattern FILE = Pattern.compile("(?<![\\w가-힣/.~-])((?:~?/)?(?:[\\w가-힣.-]++/){0,32}[\\w가-힣-][\\w가-힣.-]*\\.[A-Za-z0-9]{2,5})(?![\\w])");
    /** A text document: plain text, Markdown, CSV, JSON, HTML or PDF, whose text the executors read for text tasks. */
    private static final Pattern TEXT_FILE = Pattern.compile(
            "(?<![\\w가-힣/.~-])((?:~?/)?(?:[\\w가-힣.-]++/){0,32}[\\w가-힣-][\\w가-힣.-]*\\.(?:txt|md|markdown|csv|json|html?|pdf))(?![\\w])",
            Pattern.CASE_INSENSITIVE);
    /** What stands between the files of a list: "a.jpg and b.jpg", "a.jpg, b.jpg", "a.jpg랑 b.jpg". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*+(?:,\\s*+)?(?:(?:" + EnglishLexicon.LIST_JOINERS + ")\\s++|&\\s*+|(?:" + KoreanLexicon.LIST_JOINERS + ")\\s*+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\n+|(?<=»)\\s+(?=[A-Z])");
    /** Verbs that start a new request inside a sentence ("transcribe it and summarize the text"). */
    private static final String TASK_VERB = "(?!products?\\b|productiv|\\w+ions?\\b)(?:" + EnglishLexicon.TASK_VERB_STEMS + ")\\w*";
    /**
     * Where a sentence is cut into clauses. White space is taken whole, once, from where its run begins (possessive
     * quantifiers, and no match starting inside a run): a long run of spaces costs its length, not its square.
     */
    private static final Pattern CONNECTIVE = Pattern.compile(
            "(?!(?<=\\s)\\s)(?:\\s*+(?:" + EnglishLexicon.CONNECTIVES + ")"
                    + "|\\s++(?:then\\b|and\\s++(?=(?:please\\s++)?(?:also\\s++)?(?:then\\s++)?" + TASK_VERB + "\\b)))"
                    + "|(?<=\\S)(?:" + KoreanLexicon.CONNECTIVES + "),?\\s+"
                    + "|(?<=[가-힣])고,?\\s+(?=" + KoreanLexicon.REFERS_BACK + ")"
                    + "|(?<=[가-힣]|(?:어|아|해|여) )주(?:시)?고,?\\s+"
                    + "|(?<=[가-힣]) 다음에,?\\s+|(?<=바꿔|고쳐|옮겨|만들어|번역해|요약해|받아써|받아적어|다듬어|지어)서,?\\s+"
                    + "|(?<=[가-힣]도 )하고,?\\s+|(?<=[가-힣]기 )해서,?\\s+"
                    + "|(?<=(?:운|은|한|인|린|친|든|낸|진|된|온|간|본|준|쓴|뺀|긴|민|선|건|적은|읽은))\\s*+다음(?:에)?,?\\s+"
                    + "|(?<=" + KoreanLexicon.ACTION_STEMS + ")고,?\\s+(?!싶|있)"
                    + "|(?<=" + KoreanLexicon.ACTION_STEMS + ")(?:아|어)서,?\\s+"
                    + "|,\\s*+(?=(?:and\\s+)?(?:then\\s+)?(?:please\\s+)?(?:also\\s+)?(?:(?:" + EnglishLexicon.SEQUENCE_ADVERBS + ")\\s+)?" + TASK_VERB + "\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDS_IN_VERB = Pattern.compile(
            "(?:(?<!\\b(?:a|an|the|this|that|my|your|his|her|its|our|their)\\s(?:\\w{1,20}\\s)?)\\b(?=" + TASK_VERB + ")\\w+ing|\\b(?:" + EnglishLexicon.BEFORE_BARE_VERB + ")\\s+" + TASK_VERB + ")\\s*$", Pattern.CASE_INSENSITIVE);
    /**
     * What to do after a condition on earlier work: "After classifying it, convert the result into audio". The words
     * before the verb are taken possessively (a repeated group that may backtrack recurses once per word in Java and
     * overflows the stack on "and and and ..."); "then" is not among them because it is itself a {@link #TASK_VERB}.
     */
    private static final Pattern IMPERATIVE = Pattern.compile("^(?:(?:" + EnglishLexicon.IMPERATIVE_OPENERS + ")\\b,?\\s++)*+" + TASK_VERB + "\\b",
            Pattern.CASE_INSENSITIVE);
    /** What makes a sentence ask for something rather than describe the situation. */
    private static final Pattern REQUEST = Pattern.compile(
            EnglishLexicon.ASKING_PHRASES
                    + "|:\\s*(?:please\\s+)?" + TASK_VERB + "\\b"
                    // "testing prompt adherence for work - generate 'a fox' and then ..."
                    + "|\\s[-–—]\\s++(?:please\\s++)?" + TASK_VERB + "\\b"
                    + "|\\bso\\s++(?:please\\s++)?(?:also\\s++)?" + TASK_VERB + "\\b"
                    // possessive, as in IMPERATIVE; "then" and "additionally" are TASK_VERBs themselves
                    + "|^(?:(?:" + EnglishLexicon.SENTENCE_OPENERS + ")\\b,?\\s++)*+" + TASK_VERB + "\\b"
                    + "|[가-힣]",
            Pattern.CASE_INSENSITIVE);

    /** "I have a photo named cat.jpg", "I've recorded a meeting": what the user has, not what they ask for. */
    private static final Pattern POSSESSION = Pattern.compile(EnglishLexicon.POSSESSION, Pattern.CASE_INSENSITIVE);
    private static final Pattern SOMEONE_ELSE = Pattern.compile(EnglishLexicon.SOMEONE_ELSE, Pattern.CASE_INSENSITIVE);
    /** Words of a clause that asks for help without naming anything: "Can you assist me with this?". */
    private static final Set<String> FILLER = EnglishLexicon.FILLER;
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    /** A Korean sentence that asks for something: "...해 줘", "...주세요", "...하세요", "...할래?". */
    private static final Pattern KOREAN_REQUEST = Pattern.compile("(?:" + KoreanLexicon.REQUEST_ENDINGS + ")\\s*+[.!?]?\\s*+$");
    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    /** "이 글을 요약해 줘: 서울시는 ... 발표했다.": a request before the passage it is about. */
    private static final Pattern KOREAN_ASKS_WITHIN = Pattern.compile("(?:" + KoreanLexicon.REQUEST_ENDINGS + ")\\s*+[:.!?]");
    private static final Pattern KOREAN_REASON = Pattern.compile("(?:" + KoreanLexicon.REASON_ENDINGS + ")\\s*+[.!?~ㅠㅜㅎㅋ]*+\\s*+$"
            + "|(?:" + KoreanLexicon.DONE_ENDINGS + ")(?:\\([^)]{1,200}\\))?\\s*+[.!~ㅠㅜㅎㅋ]*+\\s*+$");
    /** "drawing.png": a file name, not a verb. */
    private static final Pattern FILE_NAME_FIRST = Pattern.compile("\\S+\\.\\w");
    /** "edited it later", "recorded at home": a clause that tells what was done, not what to do. */
    private static final Pattern PAST_TENSE = Pattern.compile("^\\w+ed\\b(?<!\\bneed)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED_CONTEXT = Pattern.compile(
            "(?:\\b(?:" + EnglishLexicon.PASSAGE_LABELS + ")|" + KoreanLexicon.PASSAGE_LABELS + ")\\s*+:\\s*+(\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTRACTION_WITHOUT_APOSTROPHE = Pattern.compile(
            "(?<![\\w./~'-])(?:" + String.join("|", EnglishLexicon.MISSING_APOSTROPHES.keySet()) + ")(?![\\w'-]|[./]\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLON_PASSAGE = Pattern.compile(":\\s++(\\S.*)$", Pattern.DOTALL);

    /** "Once that's done", "after you've generated the image": a condition on earlier work, not a new request. */
    private static final Pattern DONE_ALREADY = Pattern.compile(EnglishLexicon.DONE_ALREADY, Pattern.CASE_INSENSITIVE);

    final String original;
    /** The request with the words of its file names apart ("scans/invoice_0457.jpg": "scans/invoice 0457.jpg"): a name says what a file is. */
    final String fileNameWords;
    /** The request with its quoted passages replaced by placeholders. */
    final String masked;
    final List<String> quotes = new ArrayList<>();
    final List<Clause> clauses = new ArrayList<>();

    RequestText(String text) {
        this.original = inert(text == null ? "" : text.strip());
        this.fileNameWords = original.replace('_', ' ');
        StringBuilder masked = new StringBuilder();
        int copied = 0;
        for (QuotedPassage quote : QuotedPassage.allIn(original)) {
            masked.append(original, copied, quote.start());
            if (isFileName(quote.text().strip())) {
                masked.append(quote.text().strip());
            } else {
                quotes.add(quote.text());
                masked.append("«Q").append(quotes.size() - 1).append('»');
            }
            copied = quote.end();
        }
        masked.append(original, copied, original.length());
        String spelled = withApostrophes(masked.toString());
        this.masked = liftColonPassage(spelled);
        for (String sentence : SENTENCE_END.split(spelled)) {
            List<String> parts = joinBareVerbs(CONNECTIVE.split(sentence));
            // "From the transcript, give me a summary": a later clause that starts with its verb makes the sentence ask
            // "짝퉁인지 확인하려고요", "음성으로 녹음했어요": a Korean sentence that says why or what was done asks for nothing
            // (every other Korean sentence may ask)
            boolean reason = KOREAN_REASON.matcher(sentence.strip()).find() && !KOREAN_REQUEST.matcher(sentence.strip()).find()
                    && !KOREAN_ASKS_WITHIN.matcher(sentence).find();
            boolean request = !reason && REQUEST.matcher(sentence.strip()).find() || parts.stream().skip(1)
                    .map(String::strip).anyMatch(words -> IMPERATIVE.matcher(words).find() && !PAST_TENSE.matcher(words).find()
                            && !FILE_NAME_FIRST.matcher(words).lookingAt());
            for (String clause : parts) {
                if (!clause.isBlank()) {
                    String words = clause.strip();
                    boolean thenDo = DONE_ALREADY.matcher(sentence.strip()).find() && IMPERATIVE.matcher(words).find();
                    boolean asks = (request || thenDo)
                            && !DONE_ALREADY.matcher(words).find() && !POSSESSION.matcher(words).find() && !namesNothing(words)
                            && !SOMEONE_ELSE.matcher(words).find();
                    clauses.add(new Clause(words, asks));
                }
            }
        }
    }

    /**
     * "whats on it" read as "what's on it": contractions typed without their apostrophe, outside quoted passages (lifted
     * out already) and file names; a capital stays a capital.
     */
    private static String withApostrophes(String text) {
        Matcher word = CONTRACTION_WITHOUT_APOSTROPHE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            String typed = word.group();
            String spelled = EnglishLexicon.MISSING_APOSTROPHES.get(typed.toLowerCase(Locale.ROOT));
            if (Character.isUpperCase(typed.charAt(0))) {
                spelled = Character.toUpperCase(spelled.charAt(0)) + spelled.substring(1);
            }
            word.appendReplacement(out, Matcher.quoteReplacement(spelled));
        }
        word.appendTail(out);
        return out.toString();
    }

    /**
     * "Summarize this: S1. S2. S3." The sentences after a request's colon are the text it is about, not more requests,
     * when there are several and none of them asks for anything: lifted out like a quote, so that the sentence ends
     * inside do not cut the text into clauses of its own. A single sentence stays (see {@link #colonPassage()}).
     */
    private String liftColonPassage(String text) {
        Matcher colon = COLON_PASSAGE.matcher(text);
        if (!colon.find()) {
            return text;
        }
        String passage = colon.group(1).strip();
        String[] sentences = SENTENCE_END.split(passage);
        if (sentences.length < 2 || PLACEHOLDER.matcher(passage).find()) {
            return text;
        }
        for (String sentence : sentences) {
            String words = sentence.strip();
            boolean korean = HANGUL.matcher(words).find();
            if (IMPERATIVE.matcher(words).find() || (korean ? KOREAN_REQUEST.matcher(words).find() : REQUEST.matcher(words).find())) {
                return text;
            }
        }
        quotes.add(passage);
        return text.substring(0, colon.start(1)) + "«Q" + (quotes.size() - 1) + "»";
    }

    /** What the latest answer of the conversation says ("Workflow: 0 ..., produced r-52bd.png"); empty if none. */
    static String latestAnswer(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatMessage turn = history.get(i);
            if ("assistant".equals(turn.role())) {
                return turn.content() == null ? "" : turn.content();
            }
        }
        return "";
    }

    /**
     * The text an earlier turn of the conversation gave, for a request that says no more than "now read it aloud": the
     * last quoted passage of the latest message that has one (a template answer quotes each text result; a user
     * quotes what to work on), else the latest answer as a whole.
     */
    static Optional<String> earlierTurnText(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatMessage message = history.get(i);
            String content = message.content() == null ? "" : message.content();
            String last = null;
            for (QuotedPassage quote : QuotedPassage.allIn(content)) {
                if (!isFileName(quote.text().strip())) {
                    last = quote.text();
                }
            }
            if (last != null) {
                return Optional.of(inert(last));
            }
            if ("assistant".equals(message.role()) && !content.isBlank()) {
                return Optional.of(inert(content.strip()));
            }
        }
        return Optional.empty();
    }

    /** "Could you help me identify | and label the objects": a verb cut from its object goes with the next clause. */
    private static List<String> joinBareVerbs(String[] parts) {
        List<String> joined = new ArrayList<>();
        String pending = "";
        for (String part : parts) {
            String clause = pending.isEmpty() ? part.strip() : pending + " and " + part.strip();
            // the verb at the end is in the last part, or is that "and": a long run of bare verbs is read once
            String end = pending.isEmpty() ? clause : "and " + part.strip();
            if (ENDS_IN_VERB.matcher(end).find()) {
                pending = clause;
            } else {
                joined.add(clause);
                pending = "";
            }
        }
        if (!pending.isEmpty()) {
            joined.add(pending);
        }
        return joined;
    }

    /** The clause asks for help with what the rest of the request says and names nothing itself. */
    static boolean namesNothing(String clause) {
        Matcher m = WORD.matcher(clause.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!FILLER.contains(m.group())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFileName(String text) {
        return MediaKind.ofFileName(text).isPresent() || TEXT_FILE.matcher(text).matches();
    }

    /** The sentences of the request, quotes masked. */
    List<String> sentences() {
        return java.util.Arrays.stream(SENTENCE_END.split(masked)).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    boolean hasRequestClause() {
        return clauses.stream().anyMatch(Clause::request);
    }

    /** The quotes a clause holds, by id. */
    List<Integer> quotesIn(String clause) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(clause);
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            if (id < quotes.size()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Image, audio and video file names in the text, in order. */
    static List<String> filesIn(String clause) {
        List<String> files = new ArrayList<>();
        Matcher m = FILE.matcher(clause);
        while (m.find()) {
            if (MediaKind.ofFileName(m.group(1)).isPresent()) {
                files.add(m.group(1));
            }
        }
        return files;
    }

    /**
     * The files named in a list ("a.jpg and b.jpg", "a.wav, b.wav, c.wav", "a.jpg랑 b.jpg"): runs of file names with
     * nothing but separators between them, each run in order.
     */
    static List<List<String>> fileListsIn(String clause) {
        List<List<String>> lists = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int end = -1;
        Matcher m = FILE.matcher(clause);
        while (m.find()) {
            if (MediaKind.contentTypeOfFileName(m.group(1)).isEmpty()) {
                continue;
            }
            boolean continues = end >= 0 && LIST_SEPARATOR.matcher(clause.substring(end, m.start(1))).matches();
            if (!continues) {
                if (run.size() > 1) {
                    lists.add(List.copyOf(run));
                }
                run.clear();
            }
            run.add(m.group(1));
            end = m.end(1);
        }
        if (run.size() > 1) {
            lists.add(List.copyOf(run));
        }
        return lists;
    }

    /** Text documents named in the text (notes.txt, /data/report.pdf), which text tasks can take as input. */
    static List<String> textFilesIn(String clause) {
        List<String> files = new ArrayList<>();
        Matcher m = TEXT_FILE.matcher(clause);
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }

    /** The clause with placeholders put back, for tasks whose input is the clause's own words. */
    /**
     * The passage a clause introduces with a colon and a space ("...read it aloud: Good morning"), masked; "" if no
     * clause does. Not "http://" or "10:30": the colon must be followed by white space.
     */
    String colonPassage() {
        for (Clause clause : clauses) {
            String passage = afterColon(clause.text());
            if (!passage.isEmpty()) {
                return passage;
            }
        }
        return "";
    }

    /** What follows a clause's first colon and white space ("Answer this question: what ...?"), or "". */
    static String afterColon(String clause) {
        Matcher m = COLON_PASSAGE.matcher(clause);
        return m.find() ? m.group(1).strip() : "";
    }

    /** The passage a request labels as what to read: "Context: ...", "Passage: ...", "본문: ...". */
    Optional<String> labelledContext() {
        Matcher m = LABELLED_CONTEXT.matcher(masked);
        return m.find() ? Optional.of(restore(m.group(1).strip())) : Optional.empty();
    }

    /** The clause with its quotes put back (never a reference to another task's output: see {@link #inert}). */
    String restore(String clause) {
        Matcher m = PLACEHOLDER.matcher(clause);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(id < quotes.size() ? quotes.get(id) : m.group()));
        }
        m.appendTail(out);
        return inert(out.toString());
    }

    /**
     * What the user wrote, made unable to stand for another task's output: a {@code <GENERATED>-0} they typed (or
     * that putting a quote back makes, as from {@code "<GENERA"TED>-0}) would be resolved by the selector to task
     * 0's output (see {@link GeneratedRefs}). Its angle brackets become single guillemets, which read the same to a
     * person and to the models, and which no later stage resolves.
     */
    static String inert(String userText) {
        return userText.replace(GENERATED_MARK, INERT_GENERATED_MARK);
    }
}

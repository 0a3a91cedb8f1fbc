package dev.hugginggpt.planner.embedded;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Task-specific arguments written in the request: the language to translate into, the candidate
 * labels of a zero-shot classification, whether a text is a question, and whether a clause asks
 * for a task again ("too", "also", "again", Korean "또", "도").
 */
final class ArgumentPhrases {
    static final String LANGUAGE = "(?:" + EnglishLexicon.LANGUAGES + ")";
    /** The Korean names of languages, with the English name a translation task takes. */
    private static final Map<String, String> KOREAN_LANGUAGES = KoreanLexicon.LANGUAGES;
    /**
     * Longest first, then in alphabetical order: a map's keys come in an order that changes from one run to the next,
     * and the pattern should not.
     */
    static final String KOREAN_LANGUAGE = KOREAN_LANGUAGES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .collect(Collectors.joining("|", "(?:", ")"));

    private static final Pattern INTO_LANGUAGE = Pattern.compile("\\b(?:in)?to\\s+(?:the\\s+)?(" + LANGUAGE + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_LANGUAGE = Pattern.compile("\\bin\\s+(" + LANGUAGE + ")\\b", Pattern.CASE_INSENSITIVE);
    /** "a French version of notes.txt", "Spanish subtitles", "Korean please: '...'". */
    private static final Pattern LANGUAGE_VERSION = Pattern.compile(
            "\\b(" + LANGUAGE + ")\\s+(?:version|translation|rendition|subtitles?)\\b|^\\W*+(?:in\\s++)?(" + LANGUAGE + "),?\\s++please\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KOREAN_INTO = Pattern.compile("(" + KOREAN_LANGUAGE + ")로");

    private static final String LABEL = "[\\p{L}\\p{N}'&-]++(?: [\\p{L}\\p{N}'&-]++){0,2}";
    /** A label with its article: "a bug report", "an invoice". */
    private static final String ARTICLED_LABEL = "(?:an?\\s++)?" + LABEL;
    /**
     * How many labels a list has at most (and filler words before it): Java's regex engine recurses once per repetition
     * of a group, so an unbounded list of thousands of items would overflow the stack.
     */
    private static final int MAX_LABELS = 32;
    /**
     * "as sports, politics or tech", "into the categories: a, b, c", "labels: x, y", "which label fits 'text': x, y, z",
     * "which topic is 'text' about: x, y or z".
     */
    static final String LABEL_LIST_REGEX =
            "(?:\\b(?:" + EnglishLexicon.LIST_INTRODUCERS + ")\\b(?:\\s++(?:either|one of|the|these|those|following|categories|labels|classes|buckets)){0,4}\\s*+:?"
                    + "|\\b(?:" + EnglishLexicon.LABEL_NOUNS + ")\\b[^:.?!]{0,60}:|\\s[-–—](?=\\s))\\s*+"
                    + "(" + LABEL + "(?:\\s*+,\\s*+" + LABEL + "){0," + (MAX_LABELS - 2) + "},?\\s++(?:or|and)\\s++" + LABEL
                    + "|" + LABEL + "(?:\\s*+,\\s*+" + LABEL + "){1," + (MAX_LABELS - 1) + "})";
    private static final Pattern LABEL_LIST = Pattern.compile(LABEL_LIST_REGEX, Pattern.CASE_INSENSITIVE);
    private static final String LIST = "(" + LABEL + "(?:\\s*+,\\s*+" + LABEL + "){0," + (MAX_LABELS - 2) + "},?\\s++or\\s++" + LABEL + ")";
    /**
     * The labels a question offers as its answers: "is this article about sports, politics or technology?", "tell me
     * what it's about: sports, weather or traffic?", "which of cooking, travel, finance fits ...", "which of sports,
     * politics or tech is 'text' about?", "is this email spam
     * or not spam?" (a text, named as one, that is one thing or another).
     */
    static final String OFFERED_LABELS_REGEX = "\\babout\\s*+:?\\s*+" + LIST + "(?=\\s*+[?.!]?\\s*+$)"
            + "|\\bwhich (?:one |label |category |topic )?of\\s++(?:these\\s*+:\\s*+|the following\\s*+:\\s*+)?(" + LABEL
            + "(?:\\s*+,\\s*+" + LABEL + "){1," + (MAX_LABELS - 1) + "}(?:,?\\s++or\\s++" + LABEL + ")?)\\s++(?:(?:" + EnglishLexicon.FITS + ")\\b"
            + "|(?:is|are|does)\\s++(?:it|this|that|«Q\\d{1,9}»|the\\s++\\w+)\\s++(?:about|belongs?\\s++to|falls?\\s++under)\\b)"
            + "|\\b(?:is|are)\\s++(?:(?:this|that|the|my)\\s++(?:" + EnglishLexicon.TEXT_NOUNS + ")s?|it|«Q\\d{1,9}»)\\s++(?:an?\\s++)?("
            + LABEL + "\\s++or\\s++(?:an?\\s++)?" + LABEL + ")\\s*+\\?"
            + "|\\b(?:if|whether)\\s++(?:it|this|that|they|the\\s++\\w+|«Q\\d{1,9}»)(?:'s|\\s++is|\\s++was|\\s++are)"
            + "(?:\\s++(?:advertising|about|describing|announcing|promoting|offering|selling|showing|asking\\s++for))?\\s++(" + ARTICLED_LABEL + "(?:\\s*+,\\s*+"
            + ARTICLED_LABEL + "){0," + (MAX_LABELS - 2) + "},?\\s++or\\s++" + ARTICLED_LABEL + ")\\s*+[?.!]?\\s*+$";
    private static final Pattern OFFERED_LABELS = Pattern.compile(OFFERED_LABELS_REGEX, Pattern.CASE_INSENSITIVE);
    /** "스포츠, 정치, 기술 중 하나로 분류해줘". Starts where a word starts, so a long word is read once, not from each letter. */
    static final String KOREAN_LABEL_LIST_REGEX = "(?<![가-힣\\w])([가-힣\\w]+(?:\\s*+[,/]\\s*+[가-힣\\w]+){1," + (MAX_LABELS - 1)
            + "}(?: [가-힣\\w]{1,10})?)\\s*+(?:" + KoreanLexicon.AMONG + ")";
    private static final Pattern KOREAN_LABEL_LIST = Pattern.compile(KOREAN_LABEL_LIST_REGEX);
    /** One label offered in a Korean question: "경제야", "광고인지" (the last may have two words: "업무 메일인지"). */
    private static final String KOREAN_ALTERNATIVE = "[가-힣\\w]{1,20}?(?:야|냐|인지)";
    /**
     * "정치야 경제야 연예야?", "남자냐 여자냐?", "스팸인지 광고인지 업무 메일인지 분류": a question that offers its labels, two to
     * five of them.
     */
    static final String KOREAN_ALTERNATIVES_REGEX = "(?<![가-힣\\w])((?:" + KOREAN_ALTERNATIVE + "\\s++){1,4}(?:[가-힣\\w]{1,10} )?" + KOREAN_ALTERNATIVE + ")"
            + "(?:\\s*+\\?|\\s*+(?:중에?\\s*+)?(?:뭔지\\s*+)?분류)";
    private static final Pattern KOREAN_ALTERNATIVES = Pattern.compile(KOREAN_ALTERNATIVES_REGEX);
    /** Sentiment, which text-classification answers without labels. */
    private static final Pattern SENTIMENT_LABELS = Pattern.compile("^(?:" + EnglishLexicon.SENTIMENTS + "|" + KoreanLexicon.SENTIMENTS + ")$", Pattern.CASE_INSENSITIVE);

    private static final Pattern QUESTION = Pattern.compile(
            "\\?\\s*$|^(?:" + EnglishLexicon.QUESTION_WORDS + ")\\b|[가-힣]\\?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGAIN = Pattern.compile(
            "\\b(?:" + EnglishLexicon.AGAIN + ")\\b"
                    + "|(?:" + KoreanLexicon.THINGS_ASKED_AGAIN + ")도\\s|" + KoreanLexicon.AGAIN,
            Pattern.CASE_INSENSITIVE);

    private ArgumentPhrases() {
    }

    /** The language a clause asks to translate into, as an English name ("Spanish"). */
    static Optional<String> targetLanguage(String clause) {
        return targetLanguage(clause, List.of(INTO_LANGUAGE, IN_LANGUAGE, LANGUAGE_VERSION));
    }

    /** Only "into Spanish", "to French", "스페인어로": what a request says elsewhere than in the translation clause. */
    static Optional<String> intoLanguage(String text) {
        return targetLanguage(text, List.of(INTO_LANGUAGE));
    }

    private static Optional<String> targetLanguage(String clause, List<Pattern> english) {
        for (Pattern p : english) {
            Matcher m = p.matcher(clause);
            if (m.find()) {
                return Optional.of(capitalized(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        Matcher korean = KOREAN_INTO.matcher(clause);
        return korean.find() ? Optional.of(KOREAN_LANGUAGES.get(korean.group(1))) : Optional.empty();
    }

    /** The candidate labels a clause lists, comma-separated, when it lists at least two that are not sentiments. */
    static Optional<String> labels(String clause) {
        Matcher alternatives = KOREAN_ALTERNATIVES.matcher(clause);
        if (alternatives.find()) {
            List<String> labels = Arrays.stream(alternatives.group(1).split("(?<=야|냐|인지)\\s+")).map(ArgumentPhrases::withoutCopula)
                    .distinct().toList();
            if (labels.size() >= 2 && !labels.stream().allMatch(l -> SENTIMENT_LABELS.matcher(l).matches())) {
                return Optional.of(String.join(", ", labels));
            }
        }
        for (Pattern p : List.of(LABEL_LIST, OFFERED_LABELS, KOREAN_LABEL_LIST)) {
            Matcher m = p.matcher(clause);
            if (m.find()) {
                // runs of white space as one space first: a split that starts in a long run would read it again
                String found = null;
                for (int group = 1; group <= m.groupCount() && found == null; group++) {
                    found = m.group(group);
                }
                if (found == null) {
                    continue;
                }
                String list = found.replaceAll("\\s+", " ");
                List<String> labels = Arrays.stream(list.split("\\s*,\\s*(?:(?:or|and)\\s+)?|\\s+(?:or|and)\\s+|\\s*/\\s*"))
                        .map(String::strip)
                        .map(label -> label.replaceFirst("[.?!]+$", "").replaceFirst("^(?i:an?|the) ", ""))
                        .filter(label -> !label.isEmpty() && !label.contains("«"))
                        .distinct()
                        .toList();
                if (labels.size() >= 2 && !labels.stream().allMatch(l -> SENTIMENT_LABELS.matcher(l).matches())) {
                    return Optional.of(String.join(", ", labels));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "경제야" → "경제", "연예인이야" → "연예인": the copula is "이야" after a syllable that ends in a consonant, "야" after
     * one that ends in a vowel. Without a dictionary a noun that ends in 이 after a consonant ("고양이야") reads as
     * "고양" + "이야".
     */
    private static String withoutCopula(String word) {
        if (word.endsWith("인지")) {
            return word.substring(0, word.length() - 2);
        }
        String stem = word.substring(0, word.length() - 1);
        if (stem.length() >= 2 && stem.endsWith("이")) {
            char before = stem.charAt(stem.length() - 2);
            if (before >= '가' && before <= '힣' && (before - '가') % 28 != 0) {
                return stem.substring(0, stem.length() - 1);
            }
        }
        return stem;
    }

    static boolean isQuestion(String text) {
        return QUESTION.matcher(text.strip()).find();
    }

    /** The clause asks for a task it names again, on another input ("and transcribe that recording too"). */
    static boolean asksAgain(String clause) {
        return AGAIN.matcher(clause.strip() + " ").find();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase();
    }
}

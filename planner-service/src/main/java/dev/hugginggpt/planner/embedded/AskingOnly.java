package dev.hugginggpt.planner.embedded;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a request is nothing but the asking: "Summarize", "Translate into Spanish", "What language is it?". Such a
 * request gives a text task no text, and the request itself is not the text it means (the fallback for a passage
 * written into the request without quotes or a colon). What is left once every task phrase is taken out and the
 * words that only ask or point are dropped must be empty.
 */
final class AskingOnly {
    /** The asking alone is a sentence or two; a longer request has words of its own (and is not read rule by rule). */
    static final int MAX_CHARS = 1000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern KOREAN_ENDING = Pattern.compile("(?:을|를|이|가|은|는|으로|로|에서|에|도|만|의|과|와)$");
    private static final Set<String> ASKING = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "them", "they", "their", "me", "my", "you",
            "your", "we", "us", "our", "i", "i'd", "i'm", "please", "kindly", "can", "could", "would", "will", "should", "may",
            "do", "does", "did", "is", "are", "was", "were", "be", "to", "into", "in", "on", "of", "for", "from", "with", "by",
            "and", "or", "then", "now", "also", "just", "here", "there", "what", "which", "how", "who", "whether", "if", "text",
            "sentence", "sentences", "words", "word", "passage", "paragraph", "phrase", "message", "content", "something",
            "some", "tell", "give", "show", "make", "read", "detect", "identify", "find", "get", "let", "know", "want", "need",
            "like", "out", "up", "help", "result", "results", "version", "thanks", "thank", "ok", "okay", "again", "too", "as",
            "well", "one", "aloud", "loud", "language", "analyze", "analyse", "check", "see",
            // Korean, after their particles are taken off
            "이", "그", "저", "것", "이것", "그것", "저것", "해", "해줘", "해주세요", "하고", "한", "뒤", "다음", "후", "줘", "주세요",
            "좀", "문장", "텍스트", "글", "내용", "말", "무엇", "뭐", "알려", "어떤", "무슨", "언어", "해서", "하기");

    private AskingOnly() {
    }

    static boolean is(String request) {
        if (request.length() > MAX_CHARS) {
            return false;
        }
        StringBuilder rest = new StringBuilder(request.toLowerCase(Locale.ROOT));
        for (TaskRule rule : TaskRules.RULES) {
            Matcher m = rule.pattern().matcher(rest);
            while (m.find()) {
                // the whole words a phrase touches: "summar" takes "summarize"
                int start = m.start();
                int end = m.end();
                while (start > 0 && Character.isLetter(rest.charAt(start - 1))) {
                    start--;
                }
                while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
                    end++;
                }
                for (int i = start; i < end; i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            String word = words.group();
            String stem = KOREAN_ENDING.matcher(word).replaceFirst("");
            if (!ASKING.contains(word) && !ASKING.contains(stem) && !stem.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}

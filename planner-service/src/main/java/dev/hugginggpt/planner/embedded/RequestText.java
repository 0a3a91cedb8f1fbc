package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request split for planning: quoted passages are lifted out (so punctuation inside them never
 * splits a clause) and replaced by placeholders; clauses are cut at sentence ends and connectives.
 */
final class RequestText {
    private static final Pattern QUOTE = Pattern.compile(
            "\"([^\"]{1,4000})\"|“([^”]{1,4000})”|「([^」]{1,4000})」|‘([^’]{1,4000})’|(?<![\\p{L}\\p{N}])'([^']{2,4000}?)'(?![\\p{L}\\p{N}])");
    private static final Pattern PLACEHOLDER = Pattern.compile("«Q(\\d+)»");
    private static final Pattern FILE = Pattern.compile("(?<![\\w/.-])((?:[\\w.-]+/)*[\\w-][\\w.-]*\\.[A-Za-z0-9]{2,5})(?![\\w])");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\n+");
    private static final Pattern CONNECTIVE = Pattern.compile(
            "\\s*(?:,\\s*(?:and\\s+)?then\\b|,?\\s*and then\\b|,?\\s*after that\\b|,?\\s*afterwards\\b|,?\\s*finally\\b"
                    + "|;\\s*|,\\s*and\\b|\\band also\\b|,\\s*also\\b|\\s+then\\b|\\s+and\\s+(?=(?:please\\s+)?[a-z]+\\b(?:\\s+(?:me|it|the|this|that|a|an|its|what|how|which|whether|if))))"
                    + "|(?<=\\S)(?:하고|하고서|한 후에?|한 다음에?|한 뒤에?|해서|하여|고 나서|한 후|그리고|다음에)\\s+"
                    + "|,\\s*(?=[a-z])",
            Pattern.CASE_INSENSITIVE);

    final String original;
    final List<String> quotes = new ArrayList<>();
    final List<String> clauses = new ArrayList<>();

    RequestText(String text) {
        this.original = text == null ? "" : text.strip();
        Matcher m = QUOTE.matcher(original);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            String quoted = null;
            for (int g = 1; g <= m.groupCount() && quoted == null; g++) {
                quoted = m.group(g);
            }
            if (quoted != null && MediaKind.ofFileName(quoted.strip()).isPresent()) {
                m.appendReplacement(masked, Matcher.quoteReplacement(quoted.strip()));
                continue;
            }
            quotes.add(quoted);
            m.appendReplacement(masked, "«Q" + (quotes.size() - 1) + "»");
        }
        m.appendTail(masked);
        for (String sentence : SENTENCE_END.split(masked)) {
            for (String clause : CONNECTIVE.split(sentence)) {
                if (!clause.isBlank()) {
                    clauses.add(clause.strip());
                }
            }
        }
    }

    static List<Integer> quotesIn(String clause) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(clause);
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return ids;
    }

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

    /** The clause with placeholders put back, for tasks whose input is the clause's own words. */
    String restore(String clause) {
        Matcher m = PLACEHOLDER.matcher(clause);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(quotes.get(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}

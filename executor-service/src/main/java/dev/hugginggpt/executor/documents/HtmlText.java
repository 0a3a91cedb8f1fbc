package dev.hugginggpt.executor.documents;

import java.util.Locale;
import java.util.Map;

/**
 * The text a person reads on an HTML page: tags dropped, script and style content dropped, block ends as line
 * breaks, the common character references decoded. One pass over the page, so a hostile page costs its length.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "nbsp", " ");

    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = tagName(lower, i + 1, end);
                if (tag.equals("script") || tag.equals("style")) {
                    int close = lower.indexOf("</" + tag, end);
                    int closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
                    end = closeEnd < 0 ? html.length() - 1 : closeEnd;
                }
                boolean heading = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
                if (heading || tag.equals("br") || tag.equals("p") || tag.equals("div") || tag.equals("li") || tag.equals("tr")) {
                    out.append('\n');
                } else {
                    out.append(' ');
                }
                i = end + 1;
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                String name = semicolon > i && semicolon - i <= 8 ? lower.substring(i + 1, semicolon) : "";
                String decoded = decode(name);
                out.append(decoded == null ? "&" : decoded);
                i = decoded == null ? i + 1 : semicolon + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]++", " ").replaceAll(" ?\\n[\\s]*+", "\n").strip();
    }

    /** The name of the tag between {@code from} and {@code end} ("/p" is "p"). */
    private static String tagName(String lower, int from, int end) {
        int start = from < end && lower.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && Character.isLetterOrDigit(lower.charAt(stop))) {
            stop++;
        }
        return lower.substring(start, stop);
    }

    private static String decode(String name) {
        if (name.startsWith("#x") && name.length() > 2) {
            return codePoint(name.substring(2), 16);
        }
        if (name.startsWith("#") && name.length() > 1) {
            return codePoint(name.substring(1), 10);
        }
        return ENTITIES.get(name);
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

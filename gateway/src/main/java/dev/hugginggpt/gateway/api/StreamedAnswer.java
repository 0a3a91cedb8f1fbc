package dev.hugginggpt.gateway.api;

import java.util.List;

/**
 * The answer's text as one client receives it: the pieces an LLM writes as they come, then the rest once the answer is
 * whole, ending before the first of the client's stop sequences. While stop sequences are set, the last characters are
 * held back until it is clear that they do not begin one.
 */
final class StreamedAnswer {
    private final List<String> stop;
    private final int holdBack;
    private final StringBuilder known = new StringBuilder();
    private int sent;
    private boolean stopped;

    StreamedAnswer(List<String> stop) {
        this.stop = stop == null ? List.of() : stop;
        this.holdBack = this.stop.stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    /** The text to send for a piece of the answer (maybe none yet). */
    String piece(String delta) {
        if (stopped || delta == null || delta.isEmpty()) {
            return "";
        }
        known.append(delta);
        int stopAt = firstStop(known);
        if (stopAt >= 0) {
            stopped = true;
            return take(stopAt);
        }
        return take(Math.max(sent, safeEnd(known, known.length() - holdBack)));
    }

    /**
     * The text still to send once the answer is whole. The answer begins with the pieces sent before (the responder makes
     * sure of it); if it did not, it follows them after a blank line rather than contradicting them.
     */
    String rest(String whole) {
        if (stopped) {
            return "";
        }
        String text = whole == null ? "" : whole;
        String alreadySent = known.substring(0, sent);
        if (!text.startsWith(alreadySent)) {
            text = alreadySent + "\n\n" + text;
        }
        known.setLength(0);
        known.append(text);
        int stopAt = firstStop(known);
        stopped = stopAt >= 0;
        return take(stopped ? Math.max(stopAt, sent) : known.length());
    }

    /** The whole text, cut before the first stop sequence. */
    static String cut(String text, List<String> stop) {
        StreamedAnswer answer = new StreamedAnswer(stop);
        return answer.rest(text);
    }

    boolean stopped() {
        return stopped;
    }

    private String take(int end) {
        String out = known.substring(sent, end);
        sent = end;
        return out;
    }

    private int firstStop(CharSequence text) {
        int first = -1;
        String all = text.toString();
        for (String s : stop) {
            int at = all.indexOf(s);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** An end that does not split a surrogate pair. */
    private static int safeEnd(CharSequence text, int end) {
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            return end - 1;
        }
        return Math.max(0, end);
    }
}

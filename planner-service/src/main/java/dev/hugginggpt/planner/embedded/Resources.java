package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Files a request can use: uploads (by id or name), file names written in the text, and in the earlier turns. */
final class Resources {
    /** The request says its picture shows a table. */
    private static final Pattern TABLE = Pattern.compile("\\b(" + EnglishLexicon.TABLE + ")\\b|" + KoreanLexicon.TABLE, Pattern.CASE_INSENSITIVE);
    /** The request says its picture is a document. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "\\b(" + EnglishLexicon.DOCUMENT + ")\\b|" + KoreanLexicon.DOCUMENT, Pattern.CASE_INSENSITIVE);

    /** "translate the original", "the full report", "원문 전체를": a document named by a noun (an earlier turn's, if it gave one). */
    private static final Pattern A_DOCUMENT = Pattern.compile("\\b(?:the|that|this)\\s++(?:(?:original|full|whole|entire|same)\\s++)?"
            + "(?:document|file|report|article|paper|notes|text)\\b|원문|원본|본문|문서|보고서|논문|계약서", Pattern.CASE_INSENSITIVE);

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<ResourceRef> uploads;
    private final List<String> mentioned;
    /** Files the earlier turns of the conversation name, the latest first ("now transcribe that recording"). */
    private final List<String> earlier;
    private final List<String> textFiles;
    /** Text documents the earlier turns name, the latest first ("now translate the original"). */
    private final List<String> earlierTextFiles;
    private final boolean table;
    private final boolean document;

    Resources(List<ResourceRef> uploads, RequestText text, List<ChatMessage> history) {
        this.uploads = uploads == null ? List.of() : uploads;
        this.mentioned = RequestText.filesIn(text.original);
        this.earlier = latestFirst(history, RequestText::filesIn);
        this.earlierTextFiles = latestFirst(history, RequestText::textFilesIn);
        this.textFiles = RequestText.textFilesIn(text.original);
        this.table = TABLE.matcher(text.fileNameWords).find();
        this.document = DOCUMENT.matcher(text.fileNameWords).find();
    }

    /** The files the earlier turns name, as {@code found} finds them in each turn: the latest turn's last name first. */
    private static List<String> latestFirst(List<ChatMessage> history, Function<String, List<String>> found) {
        List<String> named = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            String content = history.get(i).content();
            List<String> files = new ArrayList<>(found.apply(content == null ? "" : content));
            Collections.reverse(files);
            named.addAll(files);
        }
        return List.copyOf(named);
    }

    /** The request says its picture shows a table (or a chart, a spreadsheet). */
    boolean imageIsTable() {
        return table && has(MediaKind.IMAGE);
    }

    /** The request says its picture is a document (a scan, an invoice, a form...). */
    boolean imageIsDocument() {
        return document && has(MediaKind.IMAGE);
    }

    /** A file of this kind named in the clause itself. */
    Optional<String> namedIn(String clause, MediaKind kind) {
        return RequestText.filesIn(clause).stream()
                .filter(f -> isOf(f, kind))
                .map(this::bind)
                .findFirst();
    }

    /** A file the request names, as the argument it binds to, and its kind. */
    record Named(String argument, MediaKind kind) {
    }

    /** The pictures and recordings the clause names, in the order it names them ("the caption of cover.jpg"). */
    List<Named> mediaNamedIn(String clause) {
        return RequestText.filesIn(clause).stream()
                .filter(f -> isOf(f, MediaKind.IMAGE) || isOf(f, MediaKind.AUDIO))
                .map(f -> new Named(bind(f), MediaKind.ofFileName(f).orElseThrow()))
                .distinct()
                .toList();
    }

    /** The text documents the clause names by their file names, in order. */
    List<String> textFilesWrittenIn(String clause) {
        return RequestText.textFilesIn(clause).stream().map(this::bind).distinct().toList();
    }

    /** Any file of this kind: an upload first, then a file the text names, then the latest an earlier turn named. */
    Optional<String> anyOf(MediaKind kind) {
        Optional<String> upload = uploads.stream().filter(r -> r.kind() == kind).map(ResourceRef::id).findFirst();
        if (upload.isPresent()) {
            return upload;
        }
        Optional<String> named = mentioned.stream().filter(f -> isOf(f, kind)).map(this::bind).findFirst();
        if (named.isPresent()) {
            return named;
        }
        return earlier.stream().filter(f -> isOf(f, kind)).findFirst();
    }

    private static boolean isOf(String fileName, MediaKind kind) {
        return MediaKind.ofFileName(fileName).orElse(null) == kind;
    }

    /** Whether this request itself gives a picture, a recording or a video (attached or named), not only an earlier turn. */
    boolean givesMedia() {
        return uploads.stream().anyMatch(r -> r.kind() != MediaKind.TEXT)
                || mentioned.stream().anyMatch(f -> MediaKind.ofFileName(f).filter(kind -> kind != MediaKind.TEXT).isPresent());
    }

    boolean has(MediaKind kind) {
        return anyOf(kind).isPresent();
    }

    /**
     * A text document: one named in the clause (notes.txt, /data/report.pdf), else one attached to the request (any
     * upload that is neither picture, recording nor video: text, Markdown, CSV, JSON, HTML, PDF), else one the request
     * names elsewhere.
     */
    Optional<String> textFile(String clause) {
        Optional<String> inClause = textFileWrittenIn(clause);
        if (inClause.isPresent()) {
            return inClause;
        }
        Optional<String> attached = uploads.stream().filter(r -> r.kind() == MediaKind.TEXT).map(ResourceRef::id).findFirst();
        return attached.or(() -> textFiles.stream().map(this::bind).findFirst())
                .or(() -> A_DOCUMENT.matcher(clause).find() ? earlierTextFiles.stream().findFirst() : Optional.empty());
    }

    /**
     * A text document the clause names: by its file name, or by the words of its name ("summarize the slides" with
     * slides.pdf attached, "the meeting notes" for meeting-notes.md).
     */
    Optional<String> textFileNamedIn(String clause) {
        Optional<String> inClause = textFileWrittenIn(clause);
        if (inClause.isPresent()) {
            return inClause;
        }
        String words = " " + words(clause) + " ";
        for (ResourceRef upload : uploads) {
            if (upload.kind() == MediaKind.TEXT && upload.name() != null && namedByWords(upload.name(), words)) {
                return Optional.of(upload.id());
            }
        }
        return textFiles.stream().filter(f -> namedByWords(f, words)).map(this::bind).findFirst();
    }

    /** The ids of the uploads of this kind, in the order they were attached. */
    List<String> uploadsOf(MediaKind kind) {
        return uploads.stream().filter(r -> r.kind() == kind).map(ResourceRef::id).toList();
    }

    /** The text document an earlier turn of the conversation named, the latest first. */
    Optional<String> latestEarlierTextFile() {
        return earlierTextFiles.stream().findFirst();
    }

    private Optional<String> textFileWrittenIn(String clause) {
        return RequestText.textFilesIn(clause).stream().map(this::bind).findFirst();
    }

    private static boolean namedByWords(String fileName, String clauseWords) {
        String stem = words(fileName.replaceFirst("^.*/", "").replaceFirst("\\.[^.]*$", ""));
        return stem.length() >= 3 && clauseWords.contains(" " + stem + " ");
    }

    /** Lower case, each run of other characters than letters and digits one space. */
    private static String words(String text) {
        return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether this argument is a text document of the request (so a task that takes it reads the request's own text). */
    boolean isTextFile(String argument) {
        return uploads.stream().anyMatch(r -> r.kind() == MediaKind.TEXT && r.id().equals(argument)) || textFiles.contains(argument);
    }

    /** The argument a file name the request writes stands for: the upload of that name, else the name itself. */
    String bind(String fileName) {
        return uploads.stream()
                .filter(r -> fileName.equals(r.id()) || fileName.equals(r.name()))
                .map(ResourceRef::id)
                .findFirst()
                .orElse(fileName);
    }
}

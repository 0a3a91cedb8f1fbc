package dev.hugginggpt.executor.documents;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Text documents as the text of text tasks: a text argument that is a stored text document (plain text, Markdown,
 * CSV, JSON, HTML or PDF, by its resource id) is replaced by the document's text before any backend sees the task.
 * Bounded: a document over {@link #MAX_FILE_BYTES}, a text over {@link #MAX_TEXT_CHARS}, a binary or empty document,
 * or a PDF that cannot be read fails the task as rejected input, with the reason.
 */
@ApplicationScoped
public class DocumentText {
    /** The largest document read. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The most text a document may give a task (about 30 pages of a book). */
    static final int MAX_TEXT_CHARS = 200_000;
    /** The most pages of a PDF read. */
    static final int MAX_PDF_PAGES = 300;

    private final ResourceStore store;

    public DocumentText(ResourceStore store) {
        this.store = store;
    }

    /** The task with each text argument that names a stored text document replaced by that document's text. */
    public TaskDispatch withDocumentsRead(TaskDispatch task) throws InputRejected {
        if (task.args() == null || task.args().entrySet().stream().noneMatch(DocumentText::mayBeDocument)) {
            return task;
        }
        Map<String, String> args = new LinkedHashMap<>(task.args());
        for (Map.Entry<String, String> arg : args.entrySet()) {
            if (mayBeDocument(arg)) {
                Optional<String> text = read(arg.getValue().strip());
                if (text.isPresent()) {
                    arg.setValue(text.get());
                }
            }
        }
        return new TaskDispatch(task.requestId(), task.taskId(), task.task(), args, task.model(), task.fallbacks(),
                task.attempt(), task.deadline(), task.dispatchedAt());
    }

    /** A text argument (text, context, text2, ...; not image, audio or video) that is a resource id. */
    private static boolean mayBeDocument(Map.Entry<String, String> arg) {
        boolean textArgument = MediaKind.ofArgKey(arg.getKey()).map(kind -> kind == MediaKind.TEXT).orElse(true);
        return textArgument && arg.getValue() != null && ResourceStore.isResourceId(arg.getValue().strip());
    }

    /** The text of the stored document with this id; empty when the id is no text document of the store. */
    Optional<String> read(String id) throws InputRejected {
        Optional<ResourceRef> ref = store.describe(id);
        Optional<Path> file = store.path(id);
        if (ref.isEmpty() || file.isEmpty() || !MediaKind.isTextDocument(ref.get().contentType())) {
            return Optional.empty();
        }
        String name = ref.get().name() == null ? id : ref.get().name();
        long size;
        try {
            size = Files.size(file.get());
        } catch (IOException e) {
            throw new InputRejected("the document " + name + " could not be read: " + e.getMessage());
        }
        if (size > MAX_FILE_BYTES) {
            throw new InputRejected("the document " + name + " is too large to read: " + size + " bytes, at most "
                    + MAX_FILE_BYTES + "; send the part that matters");
        }
        String type = ref.get().contentType().toLowerCase(java.util.Locale.ROOT);
        String text = type.startsWith("application/pdf") ? PdfText.of(file.get(), name, MAX_PDF_PAGES)
                : type.startsWith("text/html") ? HtmlText.of(utf8(file.get(), name)) : utf8(file.get(), name);
        String plain = text.strip();
        if (plain.isEmpty()) {
            throw new InputRejected("the document " + name + " has no text to work on"
                    + (type.startsWith("application/pdf") ? " (a scanned PDF holds pictures of pages: send them as images to read them)" : ""));
        }
        if (plain.length() > MAX_TEXT_CHARS) {
            throw new InputRejected("the document " + name + " has " + plain.length() + " characters of text, more than the "
                    + MAX_TEXT_CHARS + " a task reads; send the part that matters");
        }
        return Optional.of(plain);
    }

    /** The file as UTF-8 text (a byte order mark dropped); binary content (NUL bytes, invalid UTF-8) is refused. */
    static String utf8(Path file, String name) throws InputRejected {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputRejected("the document " + name + " could not be read: " + e.getMessage());
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InputRejected("the document " + name + " is binary, not text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputRejected("the document " + name + " is not UTF-8 text (binary, or another encoding); save it as UTF-8");
        }
    }
}

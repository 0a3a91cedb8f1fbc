package dev.hugginggpt.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTest {
    @TempDir
    Path dir;
    private ResourceStore store;
    private DocumentText documents;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
        documents = new DocumentText(store);
    }

    private ResourceRef save(String name, String type, byte[] content) throws Exception {
        return store.save(new ByteArrayInputStream(content), name, type);
    }

    private static TaskDispatch task(Map<String, String> args) {
        return new TaskDispatch("req", 0, "summarization", new LinkedHashMap<>(args), new ModelChoice("local/ots", "local", "test"),
                List.of(), 1, Instant.now().plusSeconds(60), Instant.now());
    }

    @Test
    void aTextDocumentInATextArgumentBecomesItsText() throws Exception {
        ResourceRef notes = save("notes.txt", "text/plain", "\uFEFFThe council approved the park.\n".getBytes(StandardCharsets.UTF_8));
        TaskDispatch read = documents.withDocumentsRead(task(Map.of("text", notes.id(), "context", "a plain sentence")));
        assertEquals("The council approved the park.", read.args().get("text"));
        assertEquals("a plain sentence", read.args().get("context"), "a literal text stays as it is");
    }

    @Test
    void anHtmlPageGivesTheTextAPersonReads() throws Exception {
        String page = "<html><head><style>p{color:red}</style><script>alert('x')</script></head>"
                + "<body><h1>News</h1><p>Fish &amp; chips&nbsp;are&#33; <b>back</b></p></body></html>";
        ResourceRef ref = save("page.html", "text/html", page.getBytes(StandardCharsets.UTF_8));
        String text = documents.withDocumentsRead(task(Map.of("text", ref.id()))).args().get("text");
        assertEquals("News\nFish & chips are! back", text);
    }

    @Test
    void aPdfGivesItsText() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The agreement was signed by Ada Lovelace.");
                content.endText();
            }
            document.save(pdf);
        }
        ResourceRef ref = save("agreement.pdf", "application/pdf", pdf.toByteArray());
        assertEquals("The agreement was signed by Ada Lovelace.", documents.withDocumentsRead(task(Map.of("context", ref.id()))).args().get("context"));
    }

    @Test
    void binaryEmptyUnreadableAndTooLargeDocumentsAreRefusedWithTheReason() throws Exception {
        ResourceRef binary = save("blob.txt", "text/plain", new byte[] {'a', 0, 'b'});
        ResourceRef latin1 = save("old.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        ResourceRef empty = save("empty.md", "text/markdown", " \n\t ".getBytes(StandardCharsets.UTF_8));
        ResourceRef broken = save("broken.pdf", "application/pdf", "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8));
        ResourceRef large = save("large.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        try (RandomAccessFile file = new RandomAccessFile(store.path(large.id()).orElseThrow().toFile(), "rw")) {
            file.setLength(DocumentText.MAX_FILE_BYTES + 1);
        }
        ResourceRef long_ = save("long.txt", "text/plain", "word ".repeat(DocumentText.MAX_TEXT_CHARS / 4).getBytes(StandardCharsets.UTF_8));
        assertRefused(binary, "binary");
        assertRefused(latin1, "not UTF-8");
        assertRefused(empty, "no text");
        assertRefused(broken, "could not be read");
        assertRefused(large, "too large");
        assertRefused(long_, "characters of text");
    }

    private void assertRefused(ResourceRef ref, String reason) {
        InputRejected refused = assertThrows(InputRejected.class, () -> documents.withDocumentsRead(task(Map.of("text", ref.id()))));
        assertTrue(refused.getMessage().contains(reason) && refused.getMessage().contains(ref.name()), refused.getMessage());
    }

    @Test
    void picturesRecordingsAndUnknownIdsAreLeftForTheModels() throws Exception {
        ResourceRef photo = save("cat.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        TaskDispatch onAPicture = task(Map.of("image", photo.id(), "text", "what is it?"));
        assertSame(onAPicture, documents.withDocumentsRead(onAPicture));
        TaskDispatch unknown = task(Map.of("text", "r-00000000000000000000.txt"));
        assertEquals("r-00000000000000000000.txt", documents.withDocumentsRead(unknown).args().get("text"));
    }
}

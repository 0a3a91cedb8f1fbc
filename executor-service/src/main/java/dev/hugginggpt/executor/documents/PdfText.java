package dev.hugginggpt.executor.documents;

import dev.hugginggpt.executor.backend.InputRejected;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF (Apache PDFBox), its first pages only; parsed with temporary files, not the heap, for its streams. */
final class PdfText {
    private PdfText() {
    }

    static String of(Path file, String name, int maxPages) throws InputRejected {
        try (PDDocument document = Loader.loadPDF(file.toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(maxPages, document.getNumberOfPages()));
            return stripper.getText(document);
        } catch (InvalidPasswordException e) {
            throw new InputRejected("the PDF " + name + " is protected by a password; send it unprotected");
        } catch (IOException | RuntimeException e) {
            throw new InputRejected("the PDF " + name + " could not be read: " + e.getMessage());
        }
    }
}

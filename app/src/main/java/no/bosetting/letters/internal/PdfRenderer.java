package no.bosetting.letters.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.springframework.stereotype.Component;

/**
 * Renders a letter's XHTML to PDF with DejaVu Sans (Latin and Cyrillic) embedded, so a Ukrainian
 * letter shows and extracts correctly on any machine. The font comes from the jasperreports-fonts jar.
 */
@Component
public class PdfRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";

    private final byte[] regular;
    private final byte[] bold;

    public PdfRenderer() {
        // The renderer logs every render at INFO on its own console handler; keep only its warnings.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
        this.regular = load("DejaVuSans.ttf");
        this.bold = load("DejaVuSans-Bold.ttf");
    }

    private static byte[] load(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the classpath (net.sf.jasperreports:jasperreports-fonts)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A complete XHTML document around sections (each a {@code <section lang="..">}), with the letter's print style. The
     * margins and spacing let a decision letter's section fit one A4 page in bokmål and in Ukrainian (issue 16 point 10:
     * with wider margins the last lines, the date and the letter version, spilled onto a page of their own).
     */
    public static String document(String title, String sections) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="nb">
                <head><meta charset="UTF-8"/><title>%s</title>
                <style>
                  @page { size: A4; margin: 16mm 20mm 14mm 20mm; }
                  body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.35; color: #111; }
                  section.letter { page-break-after: always; }
                  section.letter:last-child { page-break-after: auto; }
                  .sender { font-size: 9pt; color: #333; border-bottom: 1px solid #999; padding-bottom: 2mm; margin-bottom: 4mm; }
                  .recipient { margin-bottom: 5mm; }
                  h1 { font-size: 15pt; font-weight: bold; margin: 0 0 4mm 0; }
                  h2 { font-size: 11pt; font-weight: bold; margin: 3.5mm 0 1mm 0; }
                  p { margin: 0 0 2mm 0; }
                  .meta { font-size: 8.5pt; color: #333; margin-top: 3mm; }
                </style></head>
                <body>
                %s
                </body></html>
                """.formatted(LetterText.escape(title), sections);
    }
}

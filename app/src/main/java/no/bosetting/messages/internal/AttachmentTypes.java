package no.bosetting.messages.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The accepted attachment types, recognised by their content (magic bytes), never by the file name or
 * the content type the browser claims: PDF, JPEG, PNG and Word documents (DOCX).
 *
 * <p>A DOCX is a ZIP archive, so it is inspected before anything unpacks it: from the central directory,
 * at most {@link #MAX_ENTRIES} parts, their declared sizes together at most {@link #MAX_UNPACKED_BYTES}, and
 * no large part packed more than {@link #MAX_RATIO} times; then every part is read through a counter that
 * stops at its declared size and at the total cap, so an archive that lies about its sizes costs no more
 * than the cap. It must have {@code [Content_Types].xml} naming a Word main document and
 * {@code word/document.xml}.
 */
public final class AttachmentTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A Word document of 10 MB with pictures unpacks to a few tens of MB; far below this. */
    public static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;
    public static final int MAX_ENTRIES = 1000;
    public static final long MAX_RATIO = 100;
    /** Parts smaller than this unpacked may be packed as tightly as they like (empty XML compresses very well). */
    private static final long RATIO_FROM_BYTES = 1024 * 1024;

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String DOCUMENT = "word/document.xml";
    private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private AttachmentTypes() {
    }

    /** What the content is: an accepted type, or the reason (a message key) it is refused. */
    public sealed interface Verdict {
        record Accepted(String contentType) implements Verdict {
        }

        record Refused(String messageKey) implements Verdict {
        }
    }

    /** The content type the bytes really are, or empty when they are none of the accepted types. */
    public static Optional<String> detect(byte[] content) {
        return check(content) instanceof Verdict.Accepted a ? Optional.of(a.contentType()) : Optional.empty();
    }

    /** The content type the bytes really are, or why they are refused. */
    public static Verdict check(byte[] content) {
        Verdict.Refused notAccepted = new Verdict.Refused("error.attachment.type");
        if (content == null || content.length < 4) {
            return notAccepted;
        }
        if (startsWith(content, new byte[]{'%', 'P', 'D', 'F', '-'})) {
            return new Verdict.Accepted(PDF);
        }
        if (startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return new Verdict.Accepted(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return new Verdict.Accepted(PNG);
        }
        if (startsWith(content, new byte[]{'P', 'K', 3, 4})) {
            return wordDocument(content);
        }
        return notAccepted;
    }

    /** The usual file extension for a detected type. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            default -> ".docx";
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Verdict wordDocument(byte[] content) {
        Verdict.Refused notWord = new Verdict.Refused("error.attachment.type");
        Verdict.Refused bomb = new Verdict.Refused("error.attachment.archive");
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            // 1. What the central directory declares, before anything is unpacked.
            List<ZipArchiveEntry> entries = new ArrayList<>();
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                entries.add(all.nextElement());
                if (entries.size() > MAX_ENTRIES) {
                    return bomb;
                }
            }
            long declared = 0;
            boolean hasContentTypes = false;
            boolean hasDocument = false;
            for (ZipArchiveEntry e : entries) {
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size < 0 || packed < 0) {
                    return notWord;
                }
                declared += size;
                if (declared > MAX_UNPACKED_BYTES || (size > RATIO_FROM_BYTES && size > Math.max(packed, 1) * MAX_RATIO)) {
                    return bomb;
                }
                hasContentTypes |= CONTENT_TYPES.equals(e.getName());
                hasDocument |= DOCUMENT.equals(e.getName());
            }
            if (!hasContentTypes || !hasDocument) {
                return notWord;
            }
            // 2. What the parts really unpack to: never more than declared, never more than the cap in all.
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            String contentTypes = null;
            for (ZipArchiveEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                boolean keep = CONTENT_TYPES.equals(e.getName());
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                long read = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        read += n;
                        total += n;
                        if (read > e.getSize() || total > MAX_UNPACKED_BYTES) {
                            return bomb;
                        }
                        if (keep) {
                            kept.write(buffer, 0, n);
                        }
                    }
                }
                if (read != e.getSize()) {
                    return notWord;
                }
                if (keep) {
                    contentTypes = kept.toString(StandardCharsets.UTF_8);
                }
            }
            return contentTypes != null && contentTypes.contains(WORD_MAIN) ? new Verdict.Accepted(DOCX) : notWord;
        } catch (IOException | RuntimeException e) {
            return notWord;
        }
    }
}

package no.bosetting.messages;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.messages.internal.AttachmentTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A DOCX is a ZIP archive: archive bombs are refused before much is unpacked (issue 21, finding 8). */
class AttachmentArchiveTest {

    private static final AttachmentTypes.Verdict BOMB = new AttachmentTypes.Verdict.Refused("error.attachment.archive");
    private static final AttachmentTypes.Verdict NOT_WORD = new AttachmentTypes.Verdict.Refused("error.attachment.type");

    @Test
    void aRealWordDocumentIsAccepted() {
        assertThat(AttachmentTypes.check(Zips.wordDocument())).isEqualTo(new AttachmentTypes.Verdict.Accepted(AttachmentTypes.DOCX));
    }

    @Test
    void aOneMegabyteArchiveThatUnpacksToAGibibyteIsRefusedFromItsDeclaredSizes() {
        byte[] bomb = Zips.zip(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.zeros("word/document.xml", 1024, 1024L * 1024 * 1024)));
        assertThat(bomb.length).isBetween(512 * 1024, 2 * 1024 * 1024);
        long started = System.nanoTime();
        assertThat(AttachmentTypes.check(bomb)).isEqualTo(BOMB);
        System.out.printf("1 MB archive of 1 GiB refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void anArchiveThatLiesAboutItsSizesIsStoppedAtTheDeclaredSize() {
        byte[] liar = Zips.zip(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.zeros("word/document.xml", 1024, 2000)));
        long started = System.nanoTime();
        assertThat(AttachmentTypes.check(liar)).isEqualTo(BOMB);
        System.out.printf("Archive declaring 2000 bytes of 1 GiB refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void manySmallPartsThatTogetherUnpackBeyondTheCapAreRefused() {
        List<Zips.Entry> entries = new ArrayList<>(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.of("word/document.xml", Zips.WORD_DOCUMENT)));
        for (int i = 0; i < 120; i++) {
            // 1 MiB each, packed about 1000 times: under the ratio rule's threshold but together above the cap
            entries.add(Zips.Entry.zeros("word/media/image" + i + ".bin", 1, 1024 * 1024));
        }
        assertThat(AttachmentTypes.check(Zips.zip(entries))).isEqualTo(BOMB);
    }

    @Test
    void tooManyPartsAreRefused() {
        List<Zips.Entry> entries = new ArrayList<>(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.of("word/document.xml", Zips.WORD_DOCUMENT)));
        for (int i = 0; i < AttachmentTypes.MAX_ENTRIES; i++) {
            entries.add(Zips.Entry.of("customXml/item" + i + ".xml", "<a/>"));
        }
        assertThat(AttachmentTypes.check(Zips.zip(entries))).isEqualTo(BOMB);
    }

    @Test
    void aZipWithoutTheWordPartsIsNotAWordDocument() {
        assertThat(AttachmentTypes.check(Zips.zip(List.of(Zips.Entry.of("word/document.xml", Zips.WORD_DOCUMENT)))))
                .isEqualTo(NOT_WORD);
        assertThat(AttachmentTypes.check(Zips.zip(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.of("xl/workbook.xml", "<workbook/>"))))).isEqualTo(NOT_WORD);
        // A macro-enabled document (.docm) declares another main part: not accepted as DOCX.
        assertThat(AttachmentTypes.check(Zips.zip(List.of(
                Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES.replace(
                        "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")),
                Zips.Entry.of("word/document.xml", Zips.WORD_DOCUMENT))))).isEqualTo(NOT_WORD);
    }
}

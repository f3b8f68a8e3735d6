package no.bosetting.shared.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every export goes through this writer: text that would run as a formula is neutralised, numbers stay numbers. */
class TableExportTest {

    private static final TableExport.Table TABLE = new TableExport.Table("test", List.of("Kommune", "=Endring", "Antall"),
            List.of(row("=HYPERLINK(\"http://example.org\",\"Klikk\")", "+47 21 00 00 00", -3),
                    row("-1+2", "@SUM(A1:A2)", 7),
                    row("\tTab", "Oslo", null),
                    row("Bergen - sentrum", "e-post@example.no", -12.5)));

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    @Test
    void csvTextCellsThatStartAFormulaGetASingleQuoteAndNegativeNumbersStayNumbers() {
        String csv = TableExport.csv(TABLE);
        assertThat(csv.split("\r\n")).containsExactly(
                "Kommune,'=Endring,Antall",
                "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Klikk\"\")\",'+47 21 00 00 00,-3",
                "'-1+2,'@SUM(A1:A2),7",
                "'\tTab,Oslo,",
                "Bergen - sentrum,e-post@example.no,-12.5");
    }

    @Test
    void xlsxTextCellsAreNeutralisedAndNumbersAreNumericCells() throws IOException {
        byte[] xlsx = TableExport.xlsx(TABLE);
        String strings = part(xlsx, "xl/sharedStrings.xml");
        String sheet = part(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(strings).contains("&apos;=HYPERLINK(", "&apos;+47 21 00 00 00", "&apos;-1+2", "&apos;@SUM(A1:A2)", "&apos;=Endring",
                        "Bergen - sentrum")
                .doesNotContain(">=HYPERLINK", ">+47", ">-1+2", ">@SUM");
        // Numbers are written as numeric cells (no shared-string type) holding their value.
        assertThat(sheet).contains("<v>-3</v>").contains("<v>-12.5</v>").doesNotContain("<f>");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(TableExport.neutralise("Oslo")).isEqualTo("Oslo");
        assertThat(TableExport.neutralise("")).isEmpty();
        assertThat(TableExport.neutralise(null)).isNull();
        assertThat(TableExport.neutralise("-")).isEqualTo("'-");
    }

    /** Reads a part through the central directory (ZipFile), as a spreadsheet program does. */
    private static String part(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                ZipEntry e = z.getEntry(name);
                assertThat(e).as(name).isNotNull();
                return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

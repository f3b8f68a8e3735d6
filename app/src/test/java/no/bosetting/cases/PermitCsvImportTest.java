package no.bosetting.cases;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The permit CSV import, on the page and in the API, with files as people really make them (issue 21, finding 7). */
@IntegrationTest
class PermitCsvImportTest {

    private static final String HEADER = String.join(",", PermitCsvImport.COLUMNS) + "\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aRowWithAnUnclosedQuoteRefusesTheFileWithItsLineNeverA500() throws Exception {
        long centre = fixtures.centre("0301");
        String good = "CSV-Q-" + Fixtures.next();
        String broken = "CSV-Q-" + Fixtures.next();
        String csv = HEADER + row(good, centre, Fixtures.duf(), "Kari", "1980-01-01", "MAIN", "")
                + row(broken, centre, Fixtures.duf(), "\"Per", "1990-01-01", "MAIN", "")
                + row(good, centre, Fixtures.duf(), "Ola", "2016-01-01", "CHILD", "");

        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv").content(csv))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("error.csv.unclosedQuote"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Linje 3")));
        MockMultipartFile file = new MockMultipartFile("file", "tillatelser.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/permits/batch").file(file).with(as(fixtures.caseworker())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("error.csv.unclosedQuote"));
        mvc.perform(multipart("/import").file(file).with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("Linje 3: et felt begynner med anførselstegn")));
        // The whole file is refused: nothing of it was imported, not even the rows before the broken one.
        assertThat(cases(good) + cases(broken)).isZero();
    }

    @Test
    void aFileWithAByteOrderMarkAsSpreadsheetsSaveItIsImported() throws Exception {
        long centre = fixtures.centre("0301");
        String reference = "CSV-BOM-" + Fixtures.next();
        String semicolons = (HEADER + row(reference, centre, Fixtures.duf(), "Kari", "1980-01-01", "MAIN", "")).replace(',', ';');
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = concat(bom, semicolons.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/import").file(new MockMultipartFile("file", "fra-excel.csv", "text/csv", bytes))
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"file-error\""))))
                .andExpect(content().string(containsString("1 ny husstand, 0 fantes fra før, 0 husstander avvist (0 rader med feil)"))); // singular (issue 16 point 6)
        assertThat(cases(reference)).isEqualTo(1);

        String again = "CSV-BOM-" + Fixtures.next();
        byte[] apiBytes = concat(bom, (HEADER + row(again, centre, Fixtures.duf(), "Ola", "1981-01-01", "MAIN", ""))
                .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv").content(apiBytes))
                .andExpect(status().isOk()).andExpect(jsonPath("$.householdsCreated").value(1));
    }

    @Test
    void everyProblemOfEveryRowIsReportedAtOnce() throws Exception {
        long centre = fixtures.centre("0301");
        String reference = "CSV-ALL-" + Fixtures.next();
        String other = "CSV-ALL-" + Fixtures.next();
        String csv = HEADER
                // an unreadable date, a short DUF number and a missing given name in one row
                + row(reference, centre, "123", "", "01.01.1980", "MAIN", "")
                // a wrong relation and an unreadable e-mail in the next
                + row(reference, centre, Fixtures.duf(), "Ola", "2016-01-01", "GRANDCHILD", "ola(at)example")
                + row(other, centre, Fixtures.duf(), "Per", "1990-01-01", "MAIN", "");

        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdsCreated").value(1))
                .andExpect(jsonPath("$.householdsRejected").value(1))
                .andExpect(jsonPath("$.rows[0].line").value(2))
                .andExpect(jsonPath("$.rows[0].errors[*].field").value(hasItems("birth_date", "duf_number", "given_name")))
                .andExpect(jsonPath("$.rows[0].errors[?(@.field == 'birth_date')].code").value(hasItem("error.csv.date")))
                .andExpect(jsonPath("$.rows[0].errors[?(@.field == 'duf_number')].code").value(hasItem("error.duf.length")))
                .andExpect(jsonPath("$.rows[0].errors.length()").value(3))
                .andExpect(jsonPath("$.rows[1].line").value(3))
                .andExpect(jsonPath("$.rows[1].errors[*].field").value(hasItems("relation", "email")))
                .andExpect(jsonPath("$.rows[1].errors[?(@.field == 'email')].code").value(hasItem("error.email.invalid")));
        assertThat(cases(reference)).isZero();
        assertThat(cases(other)).isEqualTo(1);
    }

    @Test
    void unknownAndRepeatedColumnsAreReportedNotIgnored() throws Exception {
        long centre = fixtures.centre("0301");
        String reference = "CSV-COL-" + Fixtures.next();
        String csv = HEADER.replace(",email\n", ",e_post,merknad\n")
                + row(reference, centre, Fixtures.duf(), "Kari", "1980-01-01", "MAIN", "kari@example.no,ring etter kl 12");

        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv").content(csv))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("error.csv.unknownColumns"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("e_post, merknad")));
        mvc.perform(multipart("/import").file(new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("Filen har kolonner som ikke brukes: e_post, merknad")));
        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv")
                        .content(HEADER.replace("\n", ",phone\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("error.csv.repeatedColumns"));
        assertThat(cases(reference)).isZero();
    }

    @Test
    void aFormulaInTheEmailColumnIsRefusedAndNeverStored() throws Exception {
        long centre = fixtures.centre("0301");
        String reference = "CSV-MAIL-" + Fixtures.next();
        String duf = Fixtures.duf();
        String csv = HEADER + row(reference, centre, duf, "Kari", "1980-01-01", "MAIN",
                "\"=HYPERLINK(\"\"http://example.org/\"\",\"\"kari@example.no\"\")\"");

        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker())).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdsRejected").value(1))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("email"))
                .andExpect(jsonPath("$.rows[0].errors[0].code").value("error.email.invalid"));
        assertThat(jdbc.sql("select count(*) from person where duf_number = :d").param("d", duf).query(Long.class).single()).isZero();

        // The same rule in the JSON API.
        Map<String, Object> person = new java.util.LinkedHashMap<>(Map.of("dufNumber", Fixtures.duf(), "givenName", "Testa",
                "familyName", "Apisen", "birthDate", "1984-05-01", "sex", "F", "citizenship", "SYR", "relation", "MAIN",
                "email", "=cmd|' /C calc'!A0"));
        Map<String, Object> permit = Map.of("permitReference", "API-MAIL-" + Fixtures.next(), "permitType", "ASYLUM",
                "permitDate", TestClock.today().minusDays(10).toString(), "livingSituation", "RECEPTION_CENTRE",
                "receptionCentreId", centre, "persons", java.util.List.of(person));
        mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker())).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(permit)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'persons[0].email')].code").value(hasItem("error.email.invalid")));
    }

    /** One row in the order of {@link PermitCsvImport#COLUMNS}; {@code email} is written as is (it may hold a comma). */
    private static String row(String reference, long centre, String duf, String given, String birth, String relation, String email) {
        return String.join(",", reference, "ASYLUM", TestClock.today().minusDays(20).toString(), "RECEPTION_CENTRE",
                String.valueOf(centre), "", duf, "", "", given, "Csvsen", birth, "F", "SYR", relation, "", email) + "\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private long cases(String reference) {
        return jdbc.sql("select count(*) from settlement_case where permit_reference = :r").param("r", reference)
                .query(Long.class).single();
    }
}

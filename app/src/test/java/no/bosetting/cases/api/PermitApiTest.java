package no.bosetting.cases.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import no.bosetting.access.Actor;
import no.bosetting.shared.Identifiers;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PermitApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void importingTheSamePermitTwiceGivesTheSameCaseAndChangesNothing() throws Exception {
        long centre = fixtures.centre("0301");
        String reference = "API-" + Fixtures.next();
        String duf = Fixtures.duf();
        String body = json.writeValueAsString(permit(reference, centre, person(duf, null, "MAIN", "1984-05-01")));

        MvcResult first = mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/cases/")))
                .andExpect(jsonPath("$.created").value(true))
                .andReturn();
        long caseId = ((Number) JsonPath.read(first.getResponse().getContentAsString(), "$.caseId")).longValue();
        assertThat(first.getResponse().getHeader("Location")).endsWith("/api/v1/cases/" + caseId);
        long historyRows = count("select count(*) from case_history where case_id = " + caseId);

        mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value(caseId))
                .andExpect(jsonPath("$.created").value(false));

        assertThat(count("select count(*) from settlement_case where permit_reference = '" + reference + "'")).isEqualTo(1);
        assertThat(count("select count(*) from person where duf_number = '" + duf + "'")).isEqualTo(1);
        assertThat(count("select count(*) from case_history where case_id = " + caseId)).isEqualTo(historyRows);
    }

    @Test
    void invalidIdentifiersGiveSpecificProblems() throws Exception {
        long centre = fixtures.centre("0301");
        String validNin = validNationalId();
        String wrongCheckDigits = validNin.substring(0, 10) + ((validNin.charAt(10) - '0' + 1) % 10);
        Map<String, Object> permit = permit("API-" + Fixtures.next(), centre,
                person("12345678901", null, "MAIN", "1984-05-01"),
                person(Fixtures.duf(), wrongCheckDigits, "SPOUSE", "1984-06-01"));

        mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(permit)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value(endsWith("/validation")))
                .andExpect(jsonPath("$.title").value(notNullValue()))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.detail").value(notNullValue()))
                .andExpect(jsonPath("$.errors[?(@.field == 'persons[0].dufNumber')].code").value(hasItem("error.duf.length")))
                .andExpect(jsonPath("$.errors[?(@.field == 'persons[0].dufNumber')].message").value(hasItem("DUF-nummeret må ha 12 sifre.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'persons[1].nationalId')].code").value(hasItem("error.nin.checksum")));
    }

    @Test
    void problemMessagesAreInEnglishWhenAskedFor() throws Exception {
        long centre = fixtures.centre("0301");
        Map<String, Object> permit = permit("API-" + Fixtures.next(), centre, person("1234", null, "MAIN", "1984-05-01"));

        mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker())).header("Accept-Language", "en-GB,en;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(permit)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("The DUF number must have 12 digits."));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndTheAllowedValues() throws Exception {
        long centre = fixtures.centre("0301");
        Map<String, Object> permit = permit("API-" + Fixtures.next(), centre, person(Fixtures.duf(), null, "MAIN", "1984-05-01"));
        permit.put("permitType", "ASYLUMM");

        mvc.perform(post("/api/v1/permits").with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(permit)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("permitType"))
                .andExpect(jsonPath("$.errors[0].code").value("error.api.enumValue"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("COLLECTIVE_PROTECTION")));
    }

    @Test
    void onlyTheAgencyImportsPermits() throws Exception {
        long centre = fixtures.centre("0301");
        Map<String, Object> permit = permit("API-" + Fixtures.next(), centre, person(Fixtures.duf(), null, "MAIN", "1984-05-01"));
        Actor municipality = fixtures.municipality("0301");

        mvc.perform(post("/api/v1/permits").with(as(municipality))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(permit)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCsvBatchReportsEveryRowAndStopsOnlyTheBadHousehold() throws Exception {
        long centre = fixtures.centre("0301");
        String good = "API-CSV-" + Fixtures.next();
        String bad = "API-CSV-" + Fixtures.next();
        String csv = String.join(",", no.bosetting.cases.PermitCsvImport.COLUMNS) + "\n"
                + row(good, centre, Fixtures.duf(), "Kari", "1980-01-01", "MAIN")
                + row(good, centre, Fixtures.duf(), "Ola", "2016-01-01", "CHILD")
                + row(bad, centre, "123", "Per", "1990-01-01", "MAIN");

        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker()))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdsCreated").value(1))
                .andExpect(jsonPath("$.householdsRejected").value(1))
                .andExpect(jsonPath("$.rows.length()").value(3))
                .andExpect(jsonPath("$.rows[0].status").value("CREATED"))
                .andExpect(jsonPath("$.rows[2].line").value(4))
                .andExpect(jsonPath("$.rows[2].status").value("ERROR"))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("duf_number"))
                .andExpect(jsonPath("$.rows[2].errors[0].code").value("error.duf.length"));

        // The same file again as an upload: the good household is already there and stays unchanged.
        MockMultipartFile file = new MockMultipartFile("file", "tillatelser.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/permits/batch").file(file).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdsCreated").value(0))
                .andExpect(jsonPath("$.householdsUnchanged").value(1))
                .andExpect(jsonPath("$.rows[0].status").value("UNCHANGED"));
        assertThat(count("select count(*) from settlement_case where permit_reference = '" + good + "'")).isEqualTo(1);
    }

    @Test
    void aCsvWithoutTheRequiredColumnsIsRefusedAsAWhole() throws Exception {
        mvc.perform(post("/api/v1/permits/batch").with(as(fixtures.caseworker()))
                        .contentType("text/csv").content("permit_reference,given_name\nX,Y\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("error.csv.missingColumns"));
    }

    private static String row(String reference, long centre, String duf, String given, String birth, String relation) {
        return String.join(",", reference, "ASYLUM", TestClock.today().minusDays(20).toString(), "RECEPTION_CENTRE",
                String.valueOf(centre), "", duf, "", "", given, "Csvsen", birth, "F", "SYR", relation, "", "") + "\n";
    }

    @SafeVarargs
    private static Map<String, Object> permit(String reference, long centre, Map<String, Object>... persons) {
        Map<String, Object> permit = new LinkedHashMap<>();
        permit.put("permitReference", reference);
        permit.put("permitType", "ASYLUM");
        permit.put("permitDate", TestClock.today().minusDays(10).toString());
        permit.put("livingSituation", "RECEPTION_CENTRE");
        permit.put("receptionCentreId", centre);
        permit.put("persons", new ArrayList<>(List.of(persons)));
        return permit;
    }

    private static Map<String, Object> person(String duf, String nationalId, String relation, String birthDate) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("dufNumber", duf);
        person.put("nationalId", nationalId);
        person.put("givenName", "Testa");
        person.put("familyName", "Apisen");
        person.put("birthDate", birthDate);
        person.put("sex", "F");
        person.put("citizenship", "SYR");
        person.put("relation", relation);
        return person;
    }

    /** A national identity number with valid check digits, born 1 June 1984. */
    private static String validNationalId() {
        for (int individual = 100; individual < 500; individual++) {
            String nin = Identifiers.withCheckDigits("010684" + individual);
            if (nin != null) {
                return nin;
            }
        }
        throw new IllegalStateException("no valid number");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitType;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A municipality registering a self-settlement request on a refugee's behalf may name only a household in its
 * scope; any other DUF number gets the same neutral answer, and every look-up is in the access log
 * (issue 21, finding 3).
 */
@IntegrationTest
class SelfSettlementLookupScopeTest extends SelfSettlementTestSupport {

    private static final String VOSS = "4621";
    private static final String MOLDE = "1506";
    private static final String KRISTIANSUND = "1505";

    @Autowired
    MockMvc mvc;
    @Autowired
    PermitImport permitImport;
    @Autowired
    Proposals proposals;

    @Test
    void anotherMunicipalitysHouseholdAMinorAndAnUnknownNumberGetTheSameAnswerAreLoggedAndCreateNothing() throws Exception {
        acceptingMunicipality(VOSS, 40, 50);
        Actor voss = fixtures.municipality(VOSS);
        long elsewhere = household(MOLDE, 1);                       // eligible, but lives in Molde
        long offeredElsewhere = household(MOLDE, 0);                // has an agreement with Kristiansund
        fixtures.ready(offeredElsewhere);
        fixtures.resetMunicipality(KRISTIANSUND);
        LocalDate planned = TestClock.today().plusDays(20);
        fixtures.decide(KRISTIANSUND, planned.getYear(), 50, 0); // a place counts in its planned date's year
        proposals.accept(fixtures.municipality(KRISTIANSUND), fixtures.propose(offeredElsewhere, KRISTIANSUND),
                fixtures.plannedDates(offeredElsewhere, planned), null).value();
        long minor = importHousehold(permitImport, PermitType.ASYLUM, TestClock.today().minusYears(16), MOLDE);
        long minorInVoss = importHousehold(permitImport, PermitType.ASYLUM, TestClock.today().minusYears(15), VOSS);
        String unknown = Fixtures.duf();

        Map<String, String> answers = new LinkedHashMap<>();
        for (String duf : List.of(duf(elsewhere), duf(offeredElsewhere), duf(minor), duf(minorInVoss), unknown)) {
            String html = mvc.perform(post("/kommune/selvbosetting/ny").with(csrf()).with(as(voss)).params(form(duf)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"dufNumber-error\"")
                    .contains("Kommunen kan ikke registrere en forespørsel for dette DUF-nummeret")
                    .contains("value=\"" + duf + "\"");
            // The whole page is the same for every number, apart from the number typed and the form's token.
            answers.put(duf, html.replace(duf, "DUF").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\""));

            List<Lookup> lookups = lookups(duf);
            assertThat(lookups).as("look-up of " + duf).hasSize(1);
            assertThat(lookups.get(0).username()).isEqualTo(voss.username());
            assertThat(lookups.get(0).role()).isEqualTo("MUNICIPALITY_OFFICER");
            assertThat(lookups.get(0).purpose()).startsWith("selvbosetting");
            assertThat(lookups.get(0).personId() == null).isEqualTo(duf.equals(unknown));
        }
        assertThat(answers.values().stream().distinct()).hasSize(1);
        assertThat(answers.values().iterator().next())
                .doesNotContain("gjelder ikke enslige mindreårige").doesNotContain("har allerede avtale om bosetting")
                .doesNotContain("Fant ingen bosettingssak");
        for (long caseId : List.of(elsewhere, offeredElsewhere, minor, minorInVoss)) {
            assertThat(requests.forCase(caseId)).as("requests for case " + caseId).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from self_settlement_request where municipality_number = :m").param("m", VOSS)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHouseholdLivingInTheMunicipalityCanBeRegisteredAndItsLookUpIsLoggedToo() throws Exception {
        acceptingMunicipality(VOSS, 40, 50);
        Actor voss = fixtures.municipality(VOSS);
        long here = household(VOSS, 1);
        String duf = duf(here);

        mvc.perform(post("/kommune/selvbosetting/ny").with(csrf()).with(as(voss)).params(form(duf)))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.forCase(here)).singleElement().extracting(SelfSettlementRequest::registeredByRole)
                .isEqualTo("MUNICIPALITY_OFFICER");
        assertThat(lookups(duf)).singleElement().satisfies(l -> {
            assertThat(l.personId()).isNotNull();
            assertThat(l.purpose()).contains("i kommunens område");
        });

        // Once registered, the municipality's own household gets the specific answer.
        String again = mvc.perform(post("/kommune/selvbosetting/ny").with(csrf()).with(as(voss)).params(form(duf)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain("Kommunen kan ikke registrere en forespørsel for dette DUF-nummeret");
        assertThat(lookups(duf)).hasSize(2);
    }

    /** One line of the access log for a look-up by number (read with SQL, as an auditor would). */
    record Lookup(String username, String role, String purpose, Long personId) {
    }

    private List<Lookup> lookups(String duf) {
        return jdbc.sql("select username, role, purpose, person_id from person_access_log where looked_up = :d order by id")
                .param("d", duf)
                .query((rs, n) -> new Lookup(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4))).list();
    }

    private String duf(long caseId) {
        return jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId)
                .query(String.class).single();
    }

    private static MultiValueMap<String, String> form(String duf) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("dufNumber", duf);
        form.add("address", "Vangsgata 12, Voss");
        form.add("landlordName", "Privat Utleier");
        form.add("landlordEmail", "utleier@example.no");
        form.add("leaseStart", TestClock.today().plusDays(14).toString());
        form.add("monthlyRent", "11000");
        form.add("rooms", "3");
        return form;
    }
}

package no.bosetting.proposals;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The core flow in the browser, each actor doing their part through the web controllers. */
@IntegrationTest
class SettlementFlowWebTest {

    private static final String BODO = "1804";
    private static final String TROMSO = "5501";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fromPermitImportToSettledThroughTheBrowser() throws Exception {
        // A place counts in the year of its planned settlement date until the actual date is registered; the
        // council decision is recorded for that year (next year when the test runs in late December).
        LocalDate planned = TestClock.today().plusDays(10);
        int year = planned.getYear();
        fixtures.resetMunicipality(BODO);
        long centre = fixtures.centre(BODO);
        Actor caseworker = fixtures.caseworker();
        Actor bodo = fixtures.municipality(BODO);
        Actor reception = fixtures.reception(centre);
        String ref = "WEB-" + Fixtures.next();
        String duf1 = Fixtures.duf();
        String duf2 = Fixtures.duf();
        String csv = "permit_reference,permit_type,permit_date,living_situation,reception_centre_id,municipality_number,duf_number,national_id,d_number,given_name,family_name,birth_date,sex,citizenship,relation,phone,email\n"
                + ref + ",COLLECTIVE_PROTECTION," + TestClock.today().minusDays(20) + ",RECEPTION_CENTRE," + centre + ",," + duf1 + ",,,Olena,Demoenko,1988-02-03,F,UKR,MAIN,+4791234567,\n"
                + ref + ",COLLECTIVE_PROTECTION," + TestClock.today().minusDays(20) + ",RECEPTION_CENTRE," + centre + ",," + duf2 + ",,,Maksym,Demoenko,2016-07-08,M,UKR,CHILD,,\n";

        // 1. The agency imports the permit as CSV; importing it again changes nothing.
        mvc.perform(multipart("/import").file(new MockMultipartFile("file", "permits.csv", "text/csv", csv.getBytes()))
                        .with(csrf()).with(as(caseworker)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Opprettet")));
        mvc.perform(multipart("/import").file(new MockMultipartFile("file", "permits.csv", "text/csv", csv.getBytes()))
                        .with(csrf()).with(as(caseworker)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fantes fra før")));
        long caseId = jdbc.sql("select id from settlement_case where permit_reference = :r").param("r", ref).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from person where case_id = :c").param("c", caseId).query(Long.class).single()).isEqualTo(2L);

        // 2. The reception centre sees its resident; the interview makes the household ready.
        mvc.perform(get("/mottak").with(as(reception))).andExpect(status().isOk())
                .andExpect(content().string(containsString(cases.summaryForSystem(caseId).orElseThrow().reference())));
        fixtures.ready(caseId);

        // 3. The municipality records its council decision.
        mvc.perform(post("/kommune/vedtak").with(csrf()).with(as(bodo))
                        .param("year", String.valueOf(year)).param("persons", "12").param("unaccompaniedMinors", "0")
                        // Other tests in the shared database may have sent Bodø a request for next year (they plan next
                        // year); a number that deviates from it needs the council's reason, as an officer would give it.
                        .param("deviationReason", "Kommunestyret vedtok 12 personer ut fra boligsituasjonen"))
                .andExpect(status().is3xxRedirection());
        assertThat(decisions.placesUsed(BODO, year).decided()).isEqualTo(12);

        // 4. The agency proposes the household on a distribution list.
        mvc.perform(get("/fordeling").param("municipality", BODO).with(as(caseworker))).andExpect(status().isOk());
        mvc.perform(post("/fordeling").with(csrf()).with(as(caseworker)).param("municipality", BODO).param("caseId", String.valueOf(caseId)))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.PROPOSED);
        long proposalId = jdbc.sql("select id from proposal where case_id = :c").param("c", caseId).query(Long.class).single();

        // 5. The municipality sees an anonymised profile only, and no case page before accepting.
        mvc.perform(get("/kommune").with(as(bodo))).andExpect(status().isOk());
        mvc.perform(get("/kommune/forslag").with(as(bodo))).andExpect(status().isOk());
        mvc.perform(get("/kommune/forslag/" + proposalId).with(as(bodo))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Olena"))))
                .andExpect(content().string(not(containsString(duf1))))
                .andExpect(content().string(not(containsString("Søster i Bergen"))))
                .andExpect(content().string(containsString("Sykepleier")));
        mvc.perform(get("/saker/" + caseId).with(as(bodo))).andExpect(status().isNotFound());

        // 6. A missing planned date is refused next to the field; then the municipality accepts.
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(bodo)).param("plannedDate0", planned.toString()))
                .andExpect(status().isOk()).andExpect(model().attributeExists("acceptErrors"))
                .andExpect(content().string(containsString("Oppgi planlagt bosettingsdato")));
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(bodo)).param("plannedDateAll", planned.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/saker/" + caseId));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);

        // 7. After accepting, the municipality sees names and identities; the read is logged.
        mvc.perform(get("/saker/" + caseId).with(as(bodo))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Olena Demoenko"))).andExpect(content().string(containsString(duf1)));
        assertThat(jdbc.sql("select count(*) from person_access_log where username = :u and purpose = :p")
                .param("u", bodo.username()).param("p", "web:/saker/" + caseId).query(Long.class).single()).isEqualTo(2L);
        mvc.perform(get("/saker/" + caseId + "/vedtaksbrev").with(as(bodo))).andExpect(status().isOk())
                .andExpect(content().string(containsString("kan ikke påklages")))
                .andExpect(content().string(containsString("Hvis du takker nei")));

        // 8. Settlement dates per person; the last one settles the case; a correction needs a reason.
        List<SettlementDecision> ds = decisions.forCase(caseId);
        assertThat(ds).hasSize(2);
        LocalDate moved = TestClock.today();
        mvc.perform(post("/vedtak/" + ds.get(0).id() + "/bosettingsdato").with(csrf()).with(as(bodo)).param("date", TestClock.today().plusDays(3).toString()))
                .andExpect(flash().attributeExists("dateErrors"));
        for (SettlementDecision d : ds) {
            mvc.perform(post("/vedtak/" + d.id() + "/bosettingsdato").with(csrf()).with(as(bodo)).param("date", moved.toString()))
                    .andExpect(flash().attributeExists("success"));
        }
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SETTLED);
        mvc.perform(post("/vedtak/" + ds.get(0).id() + "/bosettingsdato").with(csrf()).with(as(bodo)).param("date", moved.minusDays(1).toString()))
                .andExpect(flash().attributeExists("dateErrors"));
        // A correction to the day before: the household was decided that day or earlier (never settled before the decision).
        fixtures.decisionsMadeOn(caseId, moved.minusDays(1));
        // The corrected date's year must have a decision with room too (on 1 January it is last year's).
        fixtures.decidePlannedYear(BODO, moved.minusDays(1), 12, 0);
        mvc.perform(post("/vedtak/" + ds.get(0).id() + "/bosettingsdato").with(csrf()).with(as(bodo))
                        .param("date", moved.minusDays(1).toString()).param("reason", "Feil dato registrert"))
                .andExpect(flash().attributeExists("success"));
        assertThat(decisions.dateChanges(caseId)).hasSize(3);
        // Once registered, a place counts in the year of the actual settlement date (the corrected one for the first).
        assertThat(decisions.find(ds.get(0).id()).orElseThrow().placeYear()).isEqualTo(moved.minusDays(1).getYear());
        assertThat(decisions.find(ds.get(1).id()).orElseThrow().placeYear()).isEqualTo(moved.getYear());
        int settledInTheirYears = decisions.placesUsed(BODO, moved.getYear()).settled()
                + (moved.minusDays(1).getYear() == moved.getYear() ? 0 : decisions.placesUsed(BODO, moved.minusDays(1).getYear()).settled());
        assertThat(settledInTheirYears).isEqualTo(2);
        mvc.perform(get("/saker/" + caseId).with(as(caseworker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Feil dato registrert")))
                .andExpect(content().string(containsString("Bosatt")));

        // The administrator can audit who has read the household's identifying data.
        mvc.perform(get("/saker/" + caseId).with(as(new Actor("admin-test", "Test Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tilgangslogg")))
                .andExpect(content().string(containsString(bodo.username())));

        // 9. Another municipality can neither see the proposal nor the case.
        mvc.perform(get("/kommune/forslag/" + proposalId).with(as(fixtures.municipality(TROMSO)))).andExpect(status().isNotFound());
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.municipality(TROMSO)))).andExpect(status().isNotFound());
        mvc.perform(post("/vedtak/" + ds.get(1).id() + "/bosettingsdato").with(csrf()).with(as(fixtures.municipality(TROMSO))).param("date", moved.toString()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRejectionNeedsAReasonAndTheHouseholdIsNeverProposedThereAgain() throws Exception {
        long centre = fixtures.centre(TROMSO);
        long caseId = fixtures.household(centre, 0);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, TROMSO);
        Actor tromso = fixtures.municipality(TROMSO);

        mvc.perform(post("/kommune/forslag/" + proposalId + "/avslaa").with(csrf()).with(as(tromso)).param("rejectionCode", "NO_SUITABLE_DWELLING"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en begrunnelse for avslaget")));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.PROPOSED);

        mvc.perform(post("/kommune/forslag/" + proposalId + "/avslaa").with(csrf()).with(as(tromso))
                        .param("rejectionCode", "NO_SUITABLE_DWELLING").param("rejectionText", "Ingen ledige leiligheter før mars"))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);

        mvc.perform(post("/fordeling").with(csrf()).with(as(fixtures.caseworker())).param("municipality", TROMSO).param("caseId", String.valueOf(caseId)))
                .andExpect(flash().attributeExists("errors"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen ledige leiligheter før mars")));
    }

    @Test
    void decliningTheOfferReleasesThePlacesAndNeedsAnInformedConfirmation() throws Exception {
        LocalDate planned = TestClock.today().plusDays(5);
        int year = planned.getYear(); // the year the places count in
        String m = "3205"; // Lillestrøm
        fixtures.resetMunicipality(m);
        fixtures.decide(m, year, 10, 0);
        long centre = fixtures.centre(m);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, m);
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(fixtures.municipality(m)))
                .param("plannedDateAll", planned.toString())).andExpect(status().is3xxRedirection());
        assertThat(decisions.placesUsed(m, year).used()).isEqualTo(2);

        mvc.perform(post("/saker/" + caseId + "/takk-nei").with(csrf()).with(as(fixtures.caseworker())).param("reason", "Vil bo hos slekt i Oslo"))
                .andExpect(flash().attributeExists("declineErrors"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        mvc.perform(post("/saker/" + caseId + "/takk-nei").with(csrf()).with(as(fixtures.caseworker()))
                .param("reason", "Vil bo hos slekt i Oslo").param("informed", "true").param("informedOn", TestClock.today().toString()).param("informedChannel", "PHONE").param("informedLanguage", "Dari")).andExpect(flash().attributeExists("success"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.DECLINED);
        assertThat(decisions.placesUsed(m, year).used()).isZero();
    }

    @Test
    void closingACaseNeedsAReasonAndAConfirmationThatThePersonWasInformed() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);
        mvc.perform(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker())).param("closeReason", "MOVED_OUT_OF_RECEPTION"))
                .andExpect(flash().attributeExists("closeErrors"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        mvc.perform(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.reception(centre)))
                .param("closeReason", "MOVED_OUT_OF_RECEPTION").param("informed", "true")).andExpect(flash().attributeExists("closeErrors"));
        mvc.perform(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                .param("closeReason", "MOVED_OUT_OF_RECEPTION").param("informed", "true").param("informedOn", TestClock.today().toString()).param("informedChannel", "PHONE").param("informedLanguage", "Dari")).andExpect(flash().attributeExists("success"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.history(caseId)).anySatisfy(h -> assertThat(h.command()).isEqualTo("CLOSE"));
    }
}

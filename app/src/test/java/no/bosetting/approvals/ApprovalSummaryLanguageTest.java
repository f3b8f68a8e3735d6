package no.bosetting.approvals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.cases.CaseQueries;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A proposal's change summary in the reader's language (V57): a held household change shows what would change in
 * Norwegian by default and in English with {@code ?lang=en} on the approvers' list and the proposal's page, and in the
 * API's language; the approval's history and the case note keep the Norwegian text; a proposal stored before the
 * summaries had their message keys shows its stored text in either language.
 */
@IntegrationTest
class ApprovalSummaryLanguageTest {

    /** Haram: no other test uses it. */
    private static final String HARAM = "1580";
    private static final String NB = "Et nytt medlem (Nyfødt Språksen) legges til husstanden ut over vedtatt antall plasser i Haram";
    private static final String EN = "A new member (Nyfødt Språksen) joins the household beyond the decided number of places in Haram";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalPolicy policy;
    @Autowired
    CaseQueries cases;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Actor admin = new Actor("admin-totrinn-sprak-test", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor approver = new Actor("saksbehandler-totrinn-sprak-test", "Språk Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private final List<Long> inserted = new ArrayList<>();

    @BeforeEach
    void on() {
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, true, admin).value();
    }

    @AfterEach
    void offAndRemoveTheOldRow() {
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, false, admin).value();
        jdbc.sql("delete from approval where id = any(:ids)").param("ids", inserted.toArray(Long[]::new)).update();
    }

    @Test
    void aHeldHouseholdChangeIsSummarisedInTheReadersLanguageAndRecordedInNorwegian() throws Exception {
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(HARAM);
        fixtures.decide(HARAM, planned.getYear(), 2, 0);
        long caseId = fixtures.household(fixtures.centre(HARAM), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, HARAM);
        proposals.accept(fixtures.municipality(HARAM), proposalId, fixtures.plannedDates(caseId, planned), null).value();

        mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                        .param("joinReason", "BIRTH").param("givenName", "Nyfødt").param("familyName", "Språksen")
                        .param("birthDate", TestClock.today().minusDays(1).toString()).param("sex", "F").param("citizenship", "UKR")
                        .param("relation", "CHILD").param("dufNumber", Fixtures.duf()).param("overrideReason", "Kommunen har bekreftet plass"))
                .andExpect(status().is3xxRedirection());
        Approval held = approvals.forCase(caseId).stream().filter(Approval::pending).findFirst().orElseThrow();
        assertThat(held.changeSummary()).as("stored in Norwegian").isEqualTo(NB);
        assertThat(held.changeWording().key()).isEqualTo("approval.summary.HOUSEHOLD_MEMBER");

        assertThat(page("/godkjenninger?size=200", null)).contains(NB).doesNotContain(EN).doesNotContain("??");
        assertThat(page("/godkjenninger?size=200", "en")).contains(EN).doesNotContain(NB).doesNotContain("??");
        assertThat(page("/godkjenninger/" + held.id(), null)).contains(NB).doesNotContain("??");
        String english = page("/godkjenninger/" + held.id(), "en");
        assertThat(english).contains(EN).doesNotContain("??");
        assertThat(english).as("the history records the Norwegian text, as the other history lines").contains(NB);

        mvc.perform(get("/api/v1/approvals/{id}", held.id()).with(as(approver)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.change").value(NB));
        mvc.perform(get("/api/v1/approvals/{id}", held.id()).header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(as(approver)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.change").value(EN));

        assertThat(cases.history(caseId)).filteredOn(h -> "TWO_STEP_PROPOSED".equals(h.command()))
                .extracting(h -> h.reason()).singleElement().asString().startsWith("Venter på godkjenning: " + NB);

        // Returned: the proposer's notification names the change in the reader's language too.
        mvc.perform(post("/godkjenninger/{id}/returner", held.id()).with(as(approver)).with(csrf())
                        .param("returnReason", "FACTS").param("returnText", "Fødselen er ikke registrert"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select body from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c")
                .param("r", fixtures.caseworker().username()).param("c", caseId).query(String.class).single())
                .isEqualTo(NB + " ble ikke godkjent av Språk Saksbehandler. Fødselen er ikke registrert");
        assertThat(jdbc.sql("select body_args from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c")
                .param("r", fixtures.caseworker().username()).param("c", caseId).query(String.class).single())
                .as("the summary goes into the notification as its wording").contains("\"approval.summary.HOUSEHOLD_MEMBER\"");
        assertThat(page("/godkjenninger/" + held.id(), "en")).contains(EN);
    }

    @Test
    void aProposalFromBeforeTheWordingShowsItsStoredTextInEitherLanguage() throws Exception {
        long caseId = fixtures.household(fixtures.centre(HARAM), 0);
        String stored = "Saken avsluttes (Forlatt Norge) – lagret før V57 " + Fixtures.next();
        long id = jdbc.sql("""
                insert into approval (kind, subject_id, case_id, case_reference, status, command_input, change_summary, proposed_at,
                    proposed_by, proposed_by_name, proposed_by_role)
                values ('CLOSE_CASE', :c, :c, 'GAMMEL-' || :c, 'PENDING', 'closeReason=LEFT_NORWAY', :s, timestamptz '1990-01-01 09:00+00',
                    'saksbehandler-test', 'Test Saksbehandler', 'AGENCY_CASEWORKER') returning id
                """).param("c", caseId).param("s", stored).query(Long.class).single();
        inserted.add(id);
        Approval old = approvals.find(id).orElseThrow();
        assertThat(old.changeWording()).isNull();
        assertThat(old.change()).isEqualTo(stored);

        assertThat(page("/godkjenninger?size=200", null)).contains(stored);
        assertThat(page("/godkjenninger?size=200", "en")).contains(stored).doesNotContain("??");
        assertThat(page("/godkjenninger/" + id, "en")).contains(stored).doesNotContain("??");
        mvc.perform(get("/api/v1/approvals/{id}", id).header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(as(approver)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.change").value(stored));
    }

    private String page(String path, String lang) throws Exception {
        var request = get(path).with(as(approver));
        if (lang != null) {
            request = request.param("lang", lang);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

package no.bosetting.interview;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.applications.ApplicationForm;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.PermitImport;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task to hold the settlement interview (issue 20 item 8; report 004 lines 29–31: IMDi tells the reception centre it
 * may hold the interview) and the municipality's interview of private residents living in it (report 000 around lines
 * 3651–3667: when the municipality accepted, it had taken on the mapping of those living outside the reception system).
 */
@IntegrationTest
class InterviewTaskAndMunicipalityScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PermitImport permits;
    @Autowired
    SettlementApplications applications;
    @Autowired
    Interviews interviews;
    @Autowired
    CaseQueries cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    List<DeadlineRule> rules;

    private List<DueItem> tasks(long caseId) {
        DeadlineRule rule = rules.stream().filter(r -> r.code().equals("settlement-interview")).findFirst().orElseThrow();
        return rule.evaluate(TestClock.today()).stream().filter(i -> i.caseId() != null && i.caseId() == caseId).toList();
    }

    private long acceptedPrivateResident(String duf, String municipality) {
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(15), municipality);
        ApplicationForm form = new ApplicationForm(false, null, null, null, false, null, null, "false", null, null, null, null,
                null, null, null, null, null);
        long id = applications.save(Actor.refugee(duf, "Test"), form, true).value().id();
        applications.accept(id, fixtures.caseworker()).value();
        return caseId;
    }

    @Test
    void theReceptionCentreGetsTheTaskAtTheImportAndItGoesAwayWhenTheInterviewIsRecorded() {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 1, TestClock.today().minusDays(3));
        assertThat(tasks(caseId)).singleElement().satisfies(i -> {
            assertThat(i.recipient()).isEqualTo("reception:" + centre);
            assertThat(i.dueDate()).isEqualTo(TestClock.today().plusDays(21));
            assertThat(i.link()).isEqualTo("/saker/" + caseId + "/samtale");
        });
        fixtures.ready(caseId);
        assertThat(tasks(caseId)).isEmpty();
    }

    @Test
    void aPrivateResidentsTaskGoesToTheMunicipalityOnceTheApplicationIsAccepted() {
        String duf = Fixtures.duf();
        long waiting = RefugeeSupport.privateHousehold(permits, Fixtures.duf(), TestClock.today().minusDays(15), "4601");
        assertThat(tasks(waiting)).isEmpty(); // not mapped before the application is accepted
        long caseId = acceptedPrivateResident(duf, "4601");
        assertThat(tasks(caseId)).singleElement().satisfies(i -> assertThat(i.recipient()).isEqualTo("municipality:4601"));
    }

    @Test
    void aMunicipalityOfficerRecordsTheInterviewOnlyForPrivateResidentsLivingInTheMunicipality() throws Exception {
        long caseId = acceptedPrivateResident(Fixtures.duf(), "4601");
        Actor bergen = fixtures.municipality("4601");
        Actor oslo = fixtures.municipality("0301");
        // Another municipality, and a household in a reception centre in the officer's municipality: not found.
        assertThat(interviews.record(caseId, fixtures.answers(), oslo).failure()).isInstanceOf(CommandFailure.NotFound.class);
        long inCentre = fixtures.household(fixtures.centre("4601"), 0, TestClock.today().minusDays(3));
        assertThat(interviews.record(inCentre, fixtures.answers(), bergen).failure()).isInstanceOf(CommandFailure.NotFound.class);
        mvc.perform(get("/saker/" + inCentre + "/samtale").with(as(bergen))).andExpect(status().isNotFound());
        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(oslo))).andExpect(status().isNotFound());
        // Waiting for the application: not the municipality's to map yet.
        long waiting = RefugeeSupport.privateHousehold(permits, Fixtures.duf(), TestClock.today().minusDays(15), "4601");
        assertThat(interviews.record(waiting, fixtures.answers(), bergen).failure()).isInstanceOf(CommandFailure.NotFound.class);

        mvc.perform(get("/kommune/i-kommunen").param("sort", "-permit").with(as(bergen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/saker/" + caseId + "/samtale")));
        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(bergen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/kommune/i-kommunen\"")));
        mvc.perform(post("/saker/" + caseId + "/samtale").with(csrf()).with(as(bergen))
                        .param("heldOn", TestClock.today().toString()).param("interpreterLanguage", "ukrainsk")
                        .param("drivingLicence", "false").param("hasCar", "false"))
                .andExpect(redirectedUrl("/kommune/i-kommunen"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(cases.history(caseId)).anyMatch(h -> "RECORD_INTERVIEW".equals(h.command()) && h.actor().equals(bergen.username()));
        assertThat(tasks(caseId)).isEmpty();
    }
}

package no.bosetting.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static no.bosetting.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decided number below the places already used in the year (settled plus accepted-not-settled, and of them
 * unaccompanied minors) is refused, unless the agency planner overrides it with a reason that the municipality sees
 * (issue 14, "Places and the plan tell the truth", item 2).
 */
@IntegrationTest
class DecisionBelowPlacesUsedTest {

    private static final String SVEIO = "4612";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CapacityDecisions capacity;
    @Autowired
    SettlementDecisions settlements;
    @Autowired
    Proposals proposals;
    @Autowired
    PermitImport permitImport;
    @Autowired
    JsonMapper json;

    @Autowired
    Interviews interviews;

    private final java.util.Set<Long> interviewedMinors = new java.util.HashSet<>();
    private final LocalDate planned = TestClock.today().plusDays(20);
    private final int year = planned.getYear();

    @BeforeEach
    void tenPlacesThreeUsed() {
        fixtures.resetMunicipality(SVEIO);
        fixtures.decide(SVEIO, year, 10, 2);
        accept(fixtures.household(fixtures.centre(SVEIO), 2));
        assertThat(settlements.placesUsed(SVEIO, year).used()).isEqualTo(3);
    }

    @Test
    void theMunicipalityCannotDecideFewerThanItHasUsedButExactlyAsMany() throws Exception {
        Actor officer = fixtures.municipality(SVEIO);
        mvc.perform(decision(post("/kommune/vedtak"), 2, 0).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sveio har allerede brukt 3 plasser i " + year)))
                .andExpect(content().string(containsString("id=\"persons-error\"")))
                .andExpect(content().string(containsString("name=\"persons\" min=\"0\" class=\"narrow\" inputmode=\"numeric\" value=\"2\"")))
                .andExpect(content().string(not(containsString("name=\"loweringOverrideReason\""))));
        assertThat(capacity.find(SVEIO, year).orElseThrow().persons()).isEqualTo(10);

        // Even with a reason: only the agency planner overrides.
        mvc.perform(decision(post("/kommune/vedtak"), 2, 0).param("loweringOverrideReason", "Vi vil").with(as(officer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sveio har allerede brukt 3 plasser")));
        mvc.perform(decision(post("/kapasitet/" + SVEIO), 2, 0).param("loweringOverrideReason", "Saksbehandler")
                        .with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sveio har allerede brukt 3 plasser")));
        assertThat(capacity.find(SVEIO, year).orElseThrow().persons()).isEqualTo(10);

        mvc.perform(decision(post("/kommune/vedtak"), 3, 0).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(capacity.find(SVEIO, year).orElseThrow().persons()).isEqualTo(3);
        assertThat(capacity.loweringOverrideReason(SVEIO, year)).isEmpty();
    }

    @Test
    void thePlannerNeedsAReasonAndTheReasonIsShownOnTheMunicipalitysPageAndTheAgencys() throws Exception {
        Actor planner = fixtures.planner();
        mvc.perform(decision(post("/kapasitet/" + SVEIO), 2, 0).with(as(planner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sveio har allerede brukt 3 plasser i " + year
                        + ". Skriv en begrunnelse for å sette vedtaket lavere")))
                .andExpect(content().string(containsString("id=\"loweringOverrideReason-error\"")));
        assertThat(capacity.find(SVEIO, year).orElseThrow().persons()).isEqualTo(10);

        String reason = "Kommunestyret trakk vedtaket etter boligbrannen";
        mvc.perform(decision(post("/kapasitet/" + SVEIO), 2, 0).param("loweringOverrideReason", reason).with(as(planner)))
                .andExpect(status().is3xxRedirection());
        assertThat(capacity.find(SVEIO, year).orElseThrow().persons()).isEqualTo(2);
        assertThat(capacity.loweringOverrideReason(SVEIO, year)).contains(reason);
        assertThat(capacity.history(SVEIO, year).get(0).loweringOverrideReason()).isEqualTo(reason);
        assertThat(capacity.history(SVEIO, year).get(1).loweringOverrideReason()).isNull();

        String shown = "IMDi har satt vedtaket lavere enn plassene som allerede er brukt i " + year + ". Begrunnelse: " + reason;
        mvc.perform(get("/kommune/vedtak").param("year", String.valueOf(year)).with(as(fixtures.municipality(SVEIO))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(shown)));
        mvc.perform(get("/kapasitet/" + SVEIO).param("year", String.valueOf(year)).with(as(planner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(shown)))
                .andExpect(content().string(containsString("IMDi overstyrte: " + reason)));
    }

    @Test
    void fewerUnaccompaniedMinorsThanUsedAreRefused() throws Exception {
        accept(unaccompaniedMinor());
        assertThat(settlements.placesUsed(SVEIO, year).minorsUsed()).isEqualTo(1);
        mvc.perform(decision(post("/kommune/vedtak"), 10, 0).with(as(fixtures.municipality(SVEIO))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sveio har allerede brukt 1 plasser for enslige mindreårige i " + year)))
                .andExpect(content().string(containsString("id=\"unaccompaniedMinors-error\"")));
        assertThat(capacity.find(SVEIO, year).orElseThrow().unaccompaniedMinors()).isEqualTo(2);
    }

    @Test
    void theApiRefusesTheMunicipalityAndTakesThePlannersOverride() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("persons", 2, "unaccompaniedMinors", 0));
        mvc.perform(put("/api/v1/municipalities/{m}/capacity-decisions/{y}", SVEIO, year).with(as(fixtures.municipality(SVEIO)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("error.decision.belowUsed"))
                .andExpect(jsonPath("$.detail").value(containsString("Sveio har allerede brukt 3 plasser")));
        body.put("loweringOverrideReason", "Avtalt med kommunen");
        mvc.perform(put("/api/v1/municipalities/{m}/capacity-decisions/{y}", SVEIO, year).with(as(fixtures.planner()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons").value(2))
                .andExpect(jsonPath("$.history[0].loweringOverrideReason").value("Avtalt med kommunen"));
    }

    /** Lowering to exactly the places used while an acceptance takes more: one of them wins, never decided < used. */
    @RepeatedTest(3)
    void loweringToThePlacesUsedRacesAnAcceptance() throws Exception {
        long waitingCase = fixtures.household(fixtures.centre(SVEIO), 2);
        fixtures.ready(waitingCase);
        long waiting = fixtures.propose(waitingCase, SVEIO);
        Actor officer = fixtures.municipality(SVEIO);

        List<CommandResult<?>> both = race(
                () -> CommandResult.attempt(() -> capacity.record(officer, SVEIO, year, 3, 0, null)),
                () -> CommandResult.attempt(() -> proposals.accept(officer, waiting, fixtures.plannedDates(waitingCase, planned), null)));

        assertThat(both.stream().filter(CommandResult::isSuccess)).hasSize(1);
        var places = settlements.placesUsed(SVEIO, year);
        assertThat(places.decided()).isGreaterThanOrEqualTo(places.used());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder decision(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int persons, int minors) {
        return request.with(csrf()).param("year", String.valueOf(year)).param("persons", String.valueOf(persons))
                .param("unaccompaniedMinors", String.valueOf(minors)).param("deviationReason", "Testvedtak");
    }

    private void accept(long caseId) {
        if (!interviewed(caseId)) {
            fixtures.ready(caseId);
        }
        long proposal = fixtures.propose(caseId, SVEIO);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(SVEIO), proposal,
                fixtures.plannedDates(caseId, planned), null)).value();
    }

    private long unaccompaniedMinor() {
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.ASYLUM,
                TestClock.today().minusDays(30), LivingSituation.RECEPTION_CENTRE, fixtures.centre(SVEIO), null,
                List.of(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Ung", "Testesen",
                        TestClock.today().minusYears(15), "M", "AFG", Relation.MAIN, null, null))), fixtures.caseworker());
        assertThat(outcome.ok()).isTrue();
        InterviewAnswers a = fixtures.answers();
        interviews.record(outcome.caseId(), new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), a.familyInNorway(),
                a.familyMunicipalityNumber(), a.networkInNorway(), a.adaptationNeeds(), a.healthConsent(), a.healthDetails(), a.pets(),
                a.education(), a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages(),
                "Bor på mottak for enslige mindreårige"), fixtures.caseworker()).value();
        interviewedMinors.add(outcome.caseId());
        return outcome.caseId();
    }

    private boolean interviewed(long caseId) {
        return interviewedMinors.contains(caseId);
    }
}

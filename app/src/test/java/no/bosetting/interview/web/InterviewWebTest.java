package no.bosetting.interview.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseHistoryEntry;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.interview.SettlementInterview;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class InterviewWebTest {

    /** A small municipality no other test plans with, so its decided number is ours to set. */
    private static final String MUNICIPALITY = "1111";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Interviews interviews;

    @Autowired
    CaseQueries caseQueries;

    @Autowired
    Proposals proposals;

    @Test
    void receptionStaffRecordsTheInterviewAndTheCaseBecomesReady() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 1);
        Actor staff = fixtures.reception(centre);

        mvc.perform(get("/mottak").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/saker/" + caseId)));
        mvc.perform(get("/saker/" + caseId).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bosettingssamtalen er ikke registrert ennå.")))
                .andExpect(content().string(containsString("href=\"/saker/" + caseId + "/samtale\"")));
        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kollektiv beskyttelse fra mars 2023 (med førerkort)")))
                .andExpect(content().string(containsString("<label for=\"heldOn\">Dato for samtalen</label>")))
                .andExpect(content().string(containsString("type=\"date\" id=\"heldOn\"")))
                .andExpect(content().string(containsString("<legend>Har personen førerkort?</legend>")))
                .andExpect(content().string(containsString("<option value=\"4601\">4601 Bergen</option>")));

        mvc.perform(fullInterview(caseId, "Katt").with(as(staff)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/saker/" + caseId))
                .andExpect(flash().attribute("success", "Bosettingssamtalen er registrert. Saken er nå fordelingsklar."));

        assertThat(caseQueries.summary(caseId, staff).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        CaseHistoryEntry entry = caseQueries.history(caseId).stream()
                .filter(h -> h.command().equals("RECORD_INTERVIEW")).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo(staff.username());
        assertThat(entry.fromStatus()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(entry.toStatus()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        SettlementInterview saved = interviews.find(caseId).orElseThrow();
        assertThat(saved.questionSet().version()).isEqualTo("2023-03-UA");
        assertThat(saved.answers().healthDetails()).isEqualTo("Astma");
        assertThat(saved.answers().drivingLicence()).isTrue();
        assertThat(saved.answers().hasCar()).isFalse();

        mvc.perform(get("/saker/" + caseId).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Fordelingsklar")))
                .andExpect(content().string(containsString("Sist registrert av " + staff.username())))
                .andExpect(content().string(containsString("Søster i Bergen")))
                .andExpect(content().string(containsString("Astma")))
                .andExpect(content().string(containsString("Rett bosettingssamtalen")));

        // A correction keeps the status, is prefilled and is noted in the history.
        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Søster i Bergen</textarea>")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"healthConsent\"[^>]*checked.*")))
                .andExpect(content().string(containsString("Lagre rettingen")));
        mvc.perform(fullInterview(caseId, "To katter").with(as(staff)))
                .andExpect(redirectedUrl("/saker/" + caseId))
                .andExpect(flash().attribute("success", "Rettingen av bosettingssamtalen er lagret."));
        assertThat(interviews.find(caseId).orElseThrow().answers().pets()).isEqualTo("To katter");
        assertThat(caseQueries.history(caseId)).anyMatch(h -> h.command().equals("CORRECT_INTERVIEW"));
        assertThat(caseQueries.summary(caseId, staff).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    @Test
    void staffOfAnotherCentreCannotOpenOrRecordTheInterview() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        Actor other = fixtures.reception(fixtures.centre("4601"));

        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(fullInterview(caseId, "Katt").with(as(other))).andExpect(status().isNotFound());

        assertThat(interviews.find(caseId)).isEmpty();
        assertThat(caseQueries.summary(caseId, fixtures.caseworker()).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
    }

    @Test
    void healthDetailsWithoutConsentAreRefusedNextToTheFieldAndNothingIsStored() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        Actor staff = fixtures.reception(centre);

        mvc.perform(post("/saker/" + caseId + "/samtale").with(csrf()).with(as(staff))
                        .param("heldOn", TestClock.today().minusDays(1).toString())
                        .param("familyInNorway", "Bror i Tromsø")
                        .param("healthDetails", "Diabetes type 1")
                        .param("hasCar", "false"))
                .andExpect(status().isOk())
                // All problems at once, in page order, each linked from the summary to its field.
                .andExpect(content().string(matchesPattern("(?s).*class=\"error-summary\".*href=\"#healthDetails\".*href=\"#drivingLicence\".*")))
                .andExpect(content().string(containsString("Helseopplysninger kan bare registreres når personen har samtykket.")))
                .andExpect(content().string(containsString("id=\"healthDetails-error\"")))
                .andExpect(content().string(matchesPattern("(?s).*<textarea id=\"healthDetails\"[^>]*aria-describedby=\"healthDetails-hint healthDetails-error\"[^>]*aria-invalid=\"true\"[^>]*>Diabetes type 1</textarea>.*")))
                .andExpect(content().string(containsString("id=\"drivingLicence-error\"")))
                .andExpect(content().string(containsString("Velg ja eller nei.")))
                // What was typed survives the round trip.
                .andExpect(content().string(containsString(">Bror i Tromsø</textarea>")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"hasCar-no\"[^>]*checked.*")))
                .andExpect(content().string(containsString("<title>Feil: Bosettingssamtale")));

        assertThat(interviews.find(caseId)).isEmpty();
        assertThat(caseQueries.summary(caseId, staff).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
    }

    @Test
    void aQuestionSetThatDoesNotAskAboutDrivingLicenceDoesNotShowTheQuestion() throws Exception {
        long centre = fixtures.centre("4601");
        Actor staff = fixtures.reception(centre);
        AtomicLong caseId = new AtomicLong();
        // In April 2022 collective protection had the short question set: family, health, pets.
        ShiftableClock.runAt(Instant.parse("2022-04-20T10:00:00Z"), () -> {
            try {
                caseId.set(fixtures.household(centre, 0, LocalDate.of(2022, 4, 10)));
                mvc.perform(get("/saker/" + caseId.get() + "/samtale").with(as(staff))).andExpect(status().isOk())
                        .andExpect(content().string(containsString("Kollektiv beskyttelse, kortversjon fra 4. april 2022")))
                        .andExpect(content().string(containsString("id=\"pets\"")))
                        .andExpect(content().string(not(containsString("drivingLicence"))))
                        .andExpect(content().string(not(containsString("id=\"education\""))))
                        .andExpect(content().string(not(containsString("id=\"networkInNorway\""))));
                mvc.perform(post("/saker/" + caseId.get() + "/samtale").with(csrf()).with(as(staff))
                                .param("heldOn", "19.04.2022").param("pets", "Hund"))
                        .andExpect(redirectedUrl("/saker/" + caseId.get()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SettlementInterview saved = interviews.find(caseId.get()).orElseThrow();
        assertThat(saved.questionSet().version()).isEqualTo("2022-04-UA");
        assertThat(saved.answers().heldOn()).isEqualTo(LocalDate.of(2022, 4, 19));
        assertThat(saved.answers().drivingLicence()).isNull();

        // The recorded version, not today's, decides what a correction asks.
        mvc.perform(get("/saker/" + caseId.get() + "/samtale").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2022-04-UA")))
                .andExpect(content().string(not(containsString("drivingLicence"))));
    }

    @Test
    void aMunicipalityCannotRecordAndSeesNeedsButNotFamilyOrHealth() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        Actor officer = fixtures.municipality(MUNICIPALITY);

        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(fullInterview(caseId, "Katt").with(as(officer))).andExpect(status().isNotFound());
        assertThat(interviews.find(caseId)).isEmpty();

        // Without consent (issue 20 item 6: with consent the settling municipality now sees the health details,
        // HealthConsentTest), so what a municipality never sees is checked here.
        InterviewAnswers a = fixtures.answers();
        interviews.record(caseId, new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), a.familyInNorway(),
                a.familyMunicipalityNumber(), a.networkInNorway(), a.adaptationNeeds(), false, null, a.pets(), a.education(),
                a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages(), a.minorSituation()), fixtures.caseworker()).value();
        // A place counts in the year of its planned settlement date, so the decision must be for that year
        // (in December, thirty days ahead is next year).
        LocalDate planned = TestClock.today().plusDays(30);
        fixtures.decide(MUNICIPALITY, planned.getYear(), 5000, 50);
        long proposal = fixtures.propose(caseId, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(officer, proposal, fixtures.plannedDates(caseId, planned), null)).value();

        mvc.perform(get("/saker/" + caseId).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trenger bolig på bakkeplan")))
                .andExpect(content().string(containsString("Sykepleier i 10 år")))
                .andExpect(content().string(containsString("Opplysninger om familie, nettverk og helse vises ikke for kommunen.")))
                .andExpect(content().string(not(containsString("Søster i Bergen"))))
                .andExpect(content().string(not(containsString("Venner i Oslo"))))
                .andExpect(content().string(not(containsString("Astma"))))
                .andExpect(content().string(not(containsString("/samtale\""))));
        mvc.perform(get("/saker/" + caseId + "/samtale").with(as(officer))).andExpect(status().isNotFound());
    }

    @Test
    void theFormIsInEnglishOnRequest() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        mvc.perform(get("/saker/" + caseId + "/samtale").param("lang", "en").with(as(fixtures.reception(centre))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Does the person have a driving licence?")))
                .andExpect(content().string(containsString("Collective protection from March 2023 (with driving licence)")));
    }

    @Test
    void receptionStaffRecordsAMoveOut() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        Actor staff = fixtures.reception(centre);

        mvc.perform(get("/saker/" + caseId).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/saker/" + caseId + "/utflytting\"")));
        mvc.perform(post("/saker/" + caseId + "/utflytting").with(csrf()).with(as(staff))
                        .param("date", TestClock.today().minusDays(1).toString())
                        .param("newSituation", "PRIVATE").param("municipalityNumber", "4601"))
                // The household is no longer the centre's resident, so staff go back to the list, not to a 404.
                .andExpect(redirectedUrl("/mottak"))
                .andExpect(flash().attribute("success", "Utflyttingen er registrert."));
        mvc.perform(get("/mottak").flashAttr("success", "Utflyttingen er registrert.").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Utflyttingen er registrert.")))
                .andExpect(content().string(not(containsString("/saker/" + caseId + "\""))));
        mvc.perform(get("/saker/" + caseId).with(as(staff))).andExpect(status().isNotFound());
        var summary = caseQueries.summary(caseId, fixtures.caseworker()).orElseThrow();
        assertThat(summary.livingSituation().name()).isEqualTo("PRIVATE");
        assertThat(summary.receptionCentreId()).isNull();
        assertThat(caseQueries.history(caseId)).anyMatch(h -> h.command().equals("RECORD_MOVE_OUT") && h.actor().equals(staff.username()));
    }

    private static MockHttpServletRequestBuilder fullInterview(long caseId, String pets) {
        return post("/saker/" + caseId + "/samtale").with(csrf())
                .param("heldOn", TestClock.today().minusDays(1).toString())
                .param("interpreterLanguage", "ukrainsk")
                .param("familyInNorway", "Søster i Bergen")
                .param("familyMunicipalityNumber", "4601")
                .param("networkInNorway", "Venner i Oslo")
                .param("adaptationNeeds", "Trenger bolig på bakkeplan")
                .param("healthConsent", "true")
                .param("healthDetails", "Astma")
                .param("pets", pets)
                .param("education", "Sykepleier")
                .param("workExperience", "Sykepleier i 10 år")
                .param("drivingLicence", "true")
                .param("hasCar", "false")
                .param("languages", "ukrainsk, engelsk");
    }
}

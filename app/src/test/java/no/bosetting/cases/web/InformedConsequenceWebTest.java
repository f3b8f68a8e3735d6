package no.bosetting.cases.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.InformedRecord;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * Closing a case and declining an offer need the record of how and when the person was informed of the
 * consequence: each missing field is named next to itself in Norwegian and nothing changes; a complete
 * record is stored and shown in the case history and on the case page.
 */
@IntegrationTest
class InformedConsequenceWebTest {

    private static final String HORTEN = "3901";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    CaseCommands commands;
    @Autowired
    SettlementDecisions decisions;

    /** A complete record: a conversation with an interpreter yesterday. */
    private static Map<String, String> complete() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("informed", "true");
        values.put("informedOn", TestClock.today().minusDays(1).toString());
        values.put("informedChannel", InformationChannel.CONVERSATION_WITH_INTERPRETER.name());
        values.put("informedLanguage", "Tigrinja");
        values.put("interpreter", "Tolk Abrha 5521");
        return values;
    }

    private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> values) {
        values.forEach(request::param);
        return request;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> errors(MockHttpServletRequestBuilder request, String name) throws Exception {
        return (Map<String, String>) mvc.perform(request).andExpect(flash().attributeExists(name))
                .andReturn().getFlashMap().get(name);
    }

    @Test
    void closingWithoutEachInformedFieldNamesThatFieldAndChangesNothing() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        Map<String, String> expected = Map.of(
                "informed", "Bekreft at personen er informert om konsekvensene.",
                "informedOn", "Skriv inn datoen personen ble informert.",
                "informedChannel", "Velg hvordan personen ble informert.",
                "informedLanguage", "Skriv hvilket språk informasjonen ble gitt på.",
                "interpreter", "Skriv hvilken tolk som ble brukt i samtalen.");
        for (String missing : List.of("informed", "informedOn", "informedChannel", "informedLanguage", "interpreter")) {
            Map<String, String> values = complete();
            values.remove(missing);
            Map<String, String> errors = errors(with(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                    .param("closeReason", "OTHER"), values), "closeErrors");
            assertThat(errors).as("without %s", missing).containsOnlyKeys(missing).containsEntry(missing, expected.get(missing));
        }
        // All at once, with the reason: every field is named.
        Map<String, String> all = errors(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker())), "closeErrors");
        assertThat(all).containsKeys("closeReason", "informed", "informedOn", "informedChannel", "informedLanguage");

        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(commands.informedRecords(caseId)).isEmpty();
        assertThat(cases.history(caseId)).noneSatisfy(h -> assertThat(h.command()).isEqualTo("CLOSE"));
    }

    @Test
    void theInformedDateIsNeitherInTheFutureNorBeforeThePermitAndTheFormKeepsWhatWasTyped() throws Exception {
        LocalDate permit = TestClock.today().minusDays(20);
        long caseId = fixtures.household(fixtures.centre("0301"), 0, permit);
        Map<String, String> future = complete();
        future.put("informedOn", TestClock.today().plusDays(1).toString());
        var result = mvc.perform(with(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                .param("closeReason", "OTHER").param("text", "Reiste til Sverige"), future)).andReturn();
        assertThat(flashed(result, "closeErrors"))
                .containsEntry("informedOn", "Datoen personen ble informert kan ikke være frem i tid.");
        assertThat(flashed(result, "closeForm")).containsEntry("informedLanguage", "Tigrinja")
                .containsEntry("text", "Reiste til Sverige");

        Map<String, String> early = complete();
        early.put("informedOn", permit.minusDays(1).toString());
        assertThat(errors(with(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                .param("closeReason", "OTHER"), early), "closeErrors"))
                .containsEntry("informedOn", "Datoen personen ble informert kan ikke være før oppholdstillatelsen ("
                        + permit.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ").");

        Map<String, String> unreadable = complete();
        unreadable.put("informedOn", "i går");
        assertThat(errors(with(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                .param("closeReason", "OTHER"), unreadable), "closeErrors")).containsOnlyKeys("informedOn");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(commands.informedRecords(caseId)).isEmpty();
    }

    @Test
    void aCompleteRecordClosesTheCaseAndIsShownInTheHistoryAndOnThePage() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        mvc.perform(with(post("/saker/" + caseId + "/avslutt").with(csrf()).with(as(fixtures.caseworker()))
                        .param("closeReason", "MOVED_OUT_OF_RECEPTION").param("text", "Flyttet til venner"), complete()))
                .andExpect(flash().attributeExists("success"));

        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        List<InformedRecord> records = commands.informedRecords(caseId);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo("CLOSE");
            assertThat(r.informedOn()).isEqualTo(TestClock.today().minusDays(1));
            assertThat(r.channel()).isEqualTo(InformationChannel.CONVERSATION_WITH_INTERPRETER);
            assertThat(r.language()).isEqualTo("Tigrinja");
            assertThat(r.interpreter()).isEqualTo("Tolk Abrha 5521");
            assertThat(r.informedBy()).isEqualTo(fixtures.caseworker().username());
        });
        assertThat(cases.history(caseId)).anySatisfy(h -> {
            assertThat(h.command()).isEqualTo("CLOSE");
            assertThat(h.reason()).contains("Flyttet til venner", "Informert om konsekvensen", "samtale med tolk", "Tigrinja",
                    "tolk: Tolk Abrha 5521");
        });
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(allOf(containsString("Informert om konsekvensen"), containsString("Samtale med tolk"),
                        containsString("Tolk Abrha 5521"), containsString("Tigrinja"))));
    }

    @Test
    void decliningNeedsTheSameRecordAndStoresIt() throws Exception {
        LocalDate planned = TestClock.today().plusDays(5);
        int year = planned.getYear(); // a place counts in the year of its planned settlement date
        fixtures.resetMunicipality(HORTEN);
        fixtures.decide(HORTEN, year, 10, 0);
        long caseId = fixtures.household(fixtures.centre(HORTEN), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, HORTEN);
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(fixtures.municipality(HORTEN)))
                .param("plannedDateAll", planned.toString()));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);

        for (String missing : List.of("informed", "informedOn", "informedChannel", "informedLanguage", "interpreter")) {
            Map<String, String> values = complete();
            values.remove(missing);
            Map<String, String> errors = errors(with(post("/saker/" + caseId + "/takk-nei").with(csrf()).with(as(fixtures.caseworker()))
                    .param("reason", "Vil bo hos søster i Drammen"), values), "declineErrors");
            // The decline form's ids carry the prefix, so the error summary links to the field.
            assertThat(errors).as("without %s", missing).containsOnlyKeys("decline-" + missing);
        }
        Map<String, String> letter = complete();
        letter.put("informedChannel", InformationChannel.LETTER.name());
        letter.remove("interpreter");
        assertThat(errors(with(post("/saker/" + caseId + "/takk-nei").with(csrf()).with(as(fixtures.caseworker())), letter),
                "declineErrors")).containsOnlyKeys("decline-reason");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.forCase(caseId)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DecisionStatus.OFFERED));
        assertThat(commands.informedRecords(caseId)).isEmpty();

        mvc.perform(with(post("/saker/" + caseId + "/takk-nei").with(csrf()).with(as(fixtures.caseworker()))
                .param("reason", "Vil bo hos søster i Drammen"), letter)).andExpect(flash().attributeExists("success"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.DECLINED);
        assertThat(commands.informedRecords(caseId)).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo("DECLINE_OFFER");
            assertThat(r.channel()).isEqualTo(InformationChannel.LETTER);
            assertThat(r.interpreter()).isNull();
        });
        assertThat(cases.history(caseId)).anySatisfy(h -> {
            assertThat(h.command()).isEqualTo("DECLINE_OFFER");
            assertThat(h.reason()).contains("Vil bo hos søster i Drammen", "ved brev på Tigrinja");
        });
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(allOf(containsString("Takket nei til tilbudet"), containsString("Brev"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flashed(org.springframework.test.web.servlet.MvcResult result, String name) {
        return (Map<String, String>) result.getFlashMap().get(name);
    }
}

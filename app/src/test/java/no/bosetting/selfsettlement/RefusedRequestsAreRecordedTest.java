package no.bosetting.selfsettlement;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every self-settlement request is recorded, also one to a municipality that does not take part (issue 20 item 9).
 * Report 002 around lines 4533–4537: only approved self-settlements are registered, refusals nowhere; around 6513–6523:
 * requests are not registered before they are approved, so the agency cannot show what happened to the others.
 */
@IntegrationTest
class RefusedRequestsAreRecordedTest extends SelfSettlementTestSupport {

    private static final String NOT_TAKING_PART = "1511"; // Vanylven
    private static final String HOME = "1515";

    @Autowired
    CaseQueries cases;
    @Autowired
    SelfSettlementOverview overview;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theRefugeeIsToldNextToTheFieldAndSeesTheRefusedRequestOnTheirPage() throws Exception {
        fixtures.resetMunicipality(NOT_TAKING_PART);
        settings.save(fixtures.caseworker(), NOT_TAKING_PART, false, null, null, 25).value();
        Actor refugee = refugeeOf(household(HOME, 0));
        mvc.perform(post("/min-side/selvbosetting").with(csrf()).with(as(refugee))
                        .param("municipalityNumber", NOT_TAKING_PART).param("address", "Fjordvegen 3").param("landlordName", "Utleier")
                        .param("leaseStart", TestClock.today().toString()).param("monthlyRent", "9000").param("rooms", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vanylven tar ikke imot avtalt selvbosetting.")))
                .andExpect(content().string(containsString("Kommunen tar ikke imot avtalt selvbosetting")))
                .andExpect(content().string(containsString("Fjordvegen 3")));
    }

    @Test
    void aRequestToAMunicipalityThatDoesNotTakePartIsRefusedAndRecordedWithItsReason() {
        fixtures.resetMunicipality(NOT_TAKING_PART);
        settings.save(fixtures.caseworker(), NOT_TAKING_PART, false, null, null, 25).value();
        long caseId = household(HOME, 0);
        Actor refugee = refugeeOf(caseId);
        int before = requests.forCase(caseId).size();

        CommandResult<Long> result = registrations.register(refugee, null, dwelling(NOT_TAKING_PART));
        // The refugee is told at once, next to the field, as before ...
        assertThat(result.failure().messageKey()).isEqualTo("selfsettlement.error.notAccepting");
        // ... and the request is stored, refused, with its reason, history and a line on the case.
        List<SelfSettlementRequest> stored = requests.forCase(caseId);
        assertThat(stored).hasSize(before + 1);
        SelfSettlementRequest r = stored.get(0);
        assertThat(r.status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(r.refusalReason()).isEqualTo(RefusalReason.NOT_PARTICIPATING);
        assertThat(r.municipalityNumber()).isEqualTo(NOT_TAKING_PART);
        assertThat(requests.history(r.id())).singleElement().satisfies(h -> assertThat(h.to()).isEqualTo(RequestStatus.REFUSED));
        assertThat(cases.history(caseId)).anyMatch(h -> "SELF_SETTLEMENT_REQUESTED".equals(h.command()) && h.reason().contains("avslått"));
        // Shown to the refugee and to the caseworker.
        assertThat(requests.forRefugee(refugee)).anyMatch(x -> x.id() == r.id());
        assertThat(requests.find(fixtures.caseworker(), r.id())).isPresent();
        // It is not open, so the household may still ask a municipality that takes part.
        acceptingMunicipality(HOME, 20, 50);
        assertThat(registrations.register(refugee, null, dwelling(HOME)).isSuccess()).isTrue();
    }

    @Test
    void refusedAtOnceCountsInTheSelfSettlementStatistics() {
        fixtures.resetMunicipality(NOT_TAKING_PART);
        settings.save(fixtures.caseworker(), NOT_TAKING_PART, false, null, null, 25).value();
        int year = TestClock.today().getYear();
        int counted = overview.reasonCounts(year).get(RefusalReason.NOT_PARTICIPATING);
        long before = jdbc.sql("select count(*) from self_settlement_request where refusal_reason = 'NOT_PARTICIPATING'")
                .query(Long.class).single();
        for (int i = 0; i < 6; i++) {
            registrations.register(refugeeOf(household(HOME, 0)), null, dwelling(NOT_TAKING_PART));
        }
        long after = jdbc.sql("select count(*) from self_settlement_request where refusal_reason = 'NOT_PARTICIPATING'")
                .query(Long.class).single();
        assertThat(after).isEqualTo(before + 6);
        // The statistics count them by their reason (before the small-cell rule, which may withhold the published cell).
        assertThat(overview.reasonCounts(year).get(RefusalReason.NOT_PARTICIPATING)).isEqualTo(counted + 6);
        assertThat(overview.byRefusalReason(year)).anyMatch(c -> c.key().endsWith("NOT_PARTICIPATING"));
    }
}

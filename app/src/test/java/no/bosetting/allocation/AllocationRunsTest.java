package no.bosetting.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AllocationRunsTest {

    @Autowired
    AllocationRuns runs;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    RoundBuilder rounds;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    AllocationExplanations explanations;

    @Test
    void proposesWithinCapacityExplainsPinsAndSendsWithThePolicyVersion() throws Exception {
        int year = TestClock.today().getYear();
        String a = "1505"; // Kristiansund
        String b = "1506"; // Molde
        fixtures.resetMunicipality(a);
        fixtures.resetMunicipality(b);
        fixtures.decide(a, year, 8, 0);
        fixtures.decide(b, year, 8, 0);
        long centre = fixtures.centre(a);
        List<Long> mine = List.of(fixtures.household(centre, 1), fixtures.household(centre, 2), fixtures.household(centre, 0));
        mine.forEach(fixtures::ready);

        long runId = runs.propose(fixtures.caseworker(), CaseFilter.none()).value();
        AllocationRun run = runs.find(runId).orElseThrow();
        assertThat(run.upperBound()).isGreaterThanOrEqualTo(run.objective() - 1e-6);
        assertThat(run.gapPercent()).isBetween(0.0, 100.0);
        int personsToA = run.items().stream().filter(i -> a.equals(i.municipalityNumber())).mapToInt(AllocationRun.Item::persons).sum();
        assertThat(personsToA).isLessThanOrEqualTo(8);
        for (long id : mine) {
            AllocationRun.Item item = run.items().stream().filter(i -> i.caseId() == id).findFirst().orElseThrow();
            if (item.municipalityNumber() != null) {
                // Stored as data with the policy version, so it can be worded later in any language.
                StoredExplanation stored = explanations.read(item.explanation()).orElseThrow();
                assertThat(stored.municipality()).isEqualTo(item.municipalityNumber());
                assertThat(stored.policyVersion()).isEqualTo(run.policy().version());
                assertThat(stored.terms()).isNotEmpty();
            } else {
                assertThat(item.unassignedCode()).isNotBlank();
            }
        }

        // The caseworker pins one household to Molde; the engine re-optimises and honours the pin.
        long pinnedCase = mine.get(0);
        long rerun = runs.pin(fixtures.caseworker(), runId, pinnedCase, b).value();
        AllocationRun second = runs.find(rerun).orElseThrow();
        assertThat(second.items()).anySatisfy(i -> {
            assertThat(i.caseId()).isEqualTo(pinnedCase);
            assertThat(i.municipalityNumber()).isEqualTo(b);
            assertThat(i.pinned()).isTrue();
        });
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo("REPLACED");
        assertThat(CommandResult.attempt(() -> runs.send(fixtures.caseworker(), runId)).isSuccess()).isFalse();

        mvc.perform(get("/fordeling/motor/" + rerun).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Valgt av saksbehandler")))
                .andExpect(content().string(containsString("Samlet poeng")))
                .andExpect(content().string(not(containsString("pinned by caseworker"))))
                .andExpect(content().string(not(containsString("lower score"))));
        mvc.perform(get("/fordeling/motor/" + rerun).param("lang", "en").with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Total score")))
                .andExpect(content().string(containsString("Chosen by the caseworker")));

        // Sending makes real proposals that remember the policy version and the explanation shown.
        assertThat(CommandResult.attempt(() -> runs.send(fixtures.caseworker(), rerun)).isSuccess()).isTrue();
        List<ProposalRow> sent = proposals.forCase(pinnedCase);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).municipalityNumber()).isEqualTo(b);
        assertThat(sent.get(0).policyVersion()).isEqualTo(second.policy().version());
        StoredExplanation kept = explanations.read(sent.get(0).explanation()).orElseThrow();
        assertThat(kept.policyVersion()).isEqualTo(second.policy().version());
        assertThat(kept.bindings()).extracting(StoredExplanation.Binding::code).contains("PINNED");
        mvc.perform(get("/saker/" + pinnedCase).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Valgt av saksbehandler")))
                .andExpect(content().string(containsString("Samlet poeng")));
        assertThat(cases.summaryForSystem(pinnedCase).orElseThrow().status()).isEqualTo(CaseStatus.PROPOSED);
    }

    @Test
    void aPinThatBreaksAHardRuleIsRefusedInNorwegianAndKeepsTheRun() throws Exception {
        int year = TestClock.today().getYear();
        String open = "1508"; // Ålesund
        String none = "1511"; // Vanylven: no decision, no places
        fixtures.resetMunicipality(open);
        fixtures.resetMunicipality(none);
        fixtures.decide(open, year, 8, 0);
        long caseId = fixtures.household(fixtures.centre(open), 1);
        fixtures.ready(caseId);
        long runId = runs.propose(fixtures.caseworker(), CaseFilter.none()).value();

        CommandResult<Long> refused = CommandResult.attempt(() -> runs.pin(fixtures.caseworker(), runId, caseId, none));
        assertThat(refused.failure().messageKey()).startsWith("error.allocation.pinRefused");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo("DRAFT");
        mvc.perform(post("/fordeling/motor/" + runId + "/fest").with(csrf()).with(as(fixtures.caseworker()))
                        .param("caseId", String.valueOf(caseId)).param("municipality", none))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        Map.of("municipality", "Valget bryter en absolutt regel: kommunen har ikke nok plasser i denne runden.")));
    }

    @Test
    void nationalityAndSexAreNeverInputs() {
        long centre = fixtures.centre("3403");
        long caseId = fixtures.household(centre, 2);
        fixtures.ready(caseId);
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        Instance before = rounds.build("x", List.of(summary), TestClock.today());
        jdbc.sql("update person set citizenship = 'SYR', sex = case when sex = 'F' then 'M' else 'F' end where case_id = :c")
                .param("c", caseId).update();
        Instance after = rounds.build("x", List.of(cases.summaryForSystem(caseId).orElseThrow()), TestClock.today());
        Household h1 = before.households().get(0);
        Household h2 = after.households().get(0);
        assertThat(h2).isEqualTo(h1);
    }

    @Test
    void onlyAnAdministratorChangesTheWeightsAndEveryChangeIsANewVersion() throws Exception {
        int before = policies.current().version();
        Map<String, Double> weights = new java.util.HashMap<>(policies.current().weights());
        weights.put("waiting", 6.0);
        assertThat(policies.saveNewVersion(fixtures.caseworker(), weights, "Mer vekt på ventetid").isSuccess()).isFalse();
        var admin = new no.bosetting.access.Actor("admin-test", "Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null);
        mvc.perform(post("/fordeling/policy").with(csrf()).with(as(admin)).param("priority", "abc").param("reason", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vekten må være et tall")));
        assertThat(policies.current().version()).isEqualTo(before);
        var saved = policies.saveNewVersion(admin, weights, "Mer vekt på ventetid");
        assertThat(saved.value().version()).isEqualTo(before + 1);
        assertThat(policies.current().weights().get("waiting")).isEqualTo(6.0);
        assertThat(policies.versions()).hasSizeGreaterThanOrEqualTo(2);
        mvc.perform(get("/fordeling/policy").with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mer vekt på ventetid")));
    }

    @Test
    void theEngineIsOfferedOnlyTheQuarterlyPaceOfEachDecision() {
        String m = "3907"; // Sandefjord
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(m);
        fixtures.decide(m, year, 40, 0);
        Instance february = rounds.build("pace", List.of(), LocalDate.of(year, 2, 1));
        Instance december = rounds.build("pace", List.of(), LocalDate.of(year, 12, 1));
        assertThat(february.municipalities().stream().filter(x -> x.number().equals(m)).findFirst().orElseThrow()
                .remainingPlaces()).isEqualTo(10);
        assertThat(december.municipalities().stream().filter(x -> x.number().equals(m)).findFirst().orElseThrow()
                .remainingPlaces()).isEqualTo(40);
    }
}

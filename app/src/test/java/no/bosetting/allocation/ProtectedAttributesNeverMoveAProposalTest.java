package no.bosetting.allocation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.OutcomeModels;
import no.bosetting.introduction.RegisterData;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 6: changing a household's nationality or sex in the stored case never changes a proposal. The round is
 * built by the application's own {@link RoundBuilder} and solved through the {@link AllocationPort}, before and after
 * the change in the database. Religion is not stored anywhere in the application (no column holds it), so there is
 * nothing to change for it; nationality is the persons' citizenship, sex their recorded sex.
 */
@IntegrationTest
class ProtectedAttributesNeverMoveAProposalTest {

    @Autowired
    RoundBuilder rounds;
    @Autowired
    AllocationPort engine;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    CaseQueries cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutcomeModels outcomeModels;
    @Autowired
    IntroductionRegister register;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;

    private AllocationResult propose(List<Long> ids) {
        LocalDate today = TestClock.today();
        List<CaseSummary> households = ids.stream().map(id -> cases.summary(id, fixtures.caseworker()).orElseThrow()).toList();
        Instance instance = rounds.build("protected-" + today, households, today);
        return engine.solve(instance, policies.current().toEngine(),
                Options.defaults().withSeed(today.toEpochDay()).withTimeLimit(Duration.ofSeconds(2)));
    }

    private Instance instance(List<Long> ids) {
        LocalDate today = TestClock.today();
        return rounds.build("protected-" + today, ids.stream().map(id -> cases.summary(id, fixtures.caseworker()).orElseThrow()).toList(),
                today);
    }

    @Test
    void nationalityAndSexDoNotChangeTheRoundOrItsProposals() {
        int year = TestClock.today().getYear();
        String a = "1813"; // Brønnøy
        String b = "1820"; // Alstahaug
        fixtures.resetMunicipality(a);
        fixtures.resetMunicipality(b);
        fixtures.decide(a, year, 6, 0);
        fixtures.decide(b, year, 6, 0);
        long centre = fixtures.centre(a);
        List<Long> ids = List.of(fixtures.household(centre, 2), fixtures.household(centre, 0), fixtures.household(centre, 1),
                fixtures.household(centre, 3));
        ids.forEach(fixtures::ready);

        Instance before = instance(ids);
        AllocationResult first = propose(ids);

        int changed = jdbc.sql("""
                update person set citizenship = case when citizenship = 'SYR' then 'ERI' else 'SYR' end,
                                  sex = case when sex = 'F' then 'M' else 'F' end
                where case_id in (:ids)
                """).param("ids", ids).update();
        assertThat(changed).isEqualTo(3 + 1 + 2 + 4);
        Instance after = instance(ids);
        AllocationResult second = propose(ids);

        // The engine is given exactly the same households, so it proposes exactly the same municipalities.
        assertThat(after.households()).isEqualTo(before.households());
        assertThat(first.assignment()).isNotEmpty();
        assertThat(second.assignment()).isEqualTo(first.assignment());
        assertThat(second.unassigned().keySet()).isEqualTo(first.unassigned().keySet());
    }

    /**
     * The same with the allocation policy's predicted-outcome term on (issue 15 item 4, issue 17 item 5): the outcome model
     * reads no nationality or sex, so the round's predictions and the proposals stay the same.
     */
    @Test
    void withThePredictedOutcomeTermOnNationalityAndSexDoNotChangeTheRoundOrItsProposals() {
        if (outcomeModels.current().isEmpty()) {
            new RegisterData(fixtures, interviews, proposals, decisions, register).forModel("1825", "1827", 36);
        }
        outcomeModels.train(new no.bosetting.access.Actor("admin-test", "Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null)).value();
        int year = TestClock.today().getYear();
        String a = "1813";
        String b = "1820";
        fixtures.decide(a, year, 40, 0);
        fixtures.decide(b, year, 40, 0);
        long centre = fixtures.centre(a);
        List<Long> ids = List.of(fixtures.household(centre, 2), fixtures.household(centre, 0), fixtures.household(centre, 1));
        ids.forEach(fixtures::ready);
        AllocationPolicy current = policies.current();
        java.util.Map<String, Double> w = new java.util.LinkedHashMap<>(current.weights());
        w.put(AllocationPolicy.PREDICTED_OUTCOME, 8.0);
        AllocationPolicy on = new AllocationPolicy(current.id(), current.name(), current.version(), w, "test", current.createdAt(),
                "test", current.useRangeMaximum(), current.closeFamilyBinds(), current.jobBinds());
        LocalDate today = TestClock.today();
        java.util.function.Supplier<Instance> build = () -> rounds.buildRound("protected-outcome-" + today,
                ids.stream().map(id -> cases.summary(id, fixtures.caseworker()).orElseThrow()).toList(), today, on).instance();
        Options options = Options.defaults().withSeed(today.toEpochDay()).withTimeLimit(Duration.ofSeconds(2));

        Instance before = build.get();
        assertThat(before.predictedOutcomes().isEmpty()).as("the term acts").isFalse();
        AllocationResult first = engine.solve(before, on.toEngine(), options);
        jdbc.sql("""
                update person set citizenship = case when citizenship = 'SYR' then 'ERI' else 'SYR' end,
                                  sex = case when sex = 'F' then 'M' else 'F' end
                where case_id in (:ids)
                """).param("ids", ids).update();
        Instance after = build.get();
        AllocationResult second = engine.solve(after, on.toEngine(), options);

        assertThat(after.households()).isEqualTo(before.households());
        for (long id : ids) {
            assertThat(after.predictedOutcomes().forHousehold(String.valueOf(id)))
                    .isEqualTo(before.predictedOutcomes().forHousehold(String.valueOf(id)));
        }
        assertThat(first.assignment()).isNotEmpty();
        assertThat(second.assignment()).isEqualTo(first.assignment());
    }
}

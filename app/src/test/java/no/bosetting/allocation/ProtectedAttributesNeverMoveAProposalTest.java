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
}

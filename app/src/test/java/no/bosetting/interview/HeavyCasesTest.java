package no.bosetting.interview;

import java.util.List;
import java.util.Set;

import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one heavy-case rule (report 002 lines 6481–6485: easy and heavy cases spread fairly; report 000 lines 3792–3800:
 * care-heavy cases refused): an unaccompanied minor, a family of five or more, a need for a particular service, or health
 * details recorded with a member's current consent. The fairness report and the round's heavy-case load both call it.
 */
@IntegrationTest
class HeavyCasesTest {

    @Autowired
    HeavyCases heavyCases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    InterviewFacts facts;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;

    private static AllocationFacts needs(Set<AllocationNeed> needs) {
        return new AllocationFacts(null, null, null, null, null, null, null, needs, null);
    }

    @Test
    void theRuleOnItsOwnFacts() {
        assertThat(HeavyCases.isHeavy(1, false, null, false)).as("a single adult with nothing recorded").isFalse();
        assertThat(HeavyCases.isHeavy(4, false, AllocationFacts.none(), false)).as("a family of four").isFalse();
        assertThat(HeavyCases.isHeavy(HeavyCases.LARGE_FAMILY, false, null, false)).as("a family of five").isTrue();
        assertThat(HeavyCases.isHeavy(1, true, null, false)).as("an unaccompanied minor").isTrue();
        assertThat(HeavyCases.isHeavy(2, false, needs(Set.of(AllocationNeed.ACCESSIBLE_DWELLING)), false))
                .as("a need for a particular service").isTrue();
        assertThat(HeavyCases.isHeavy(1, false, null, true)).as("health details with consent").isTrue();
        assertThat(HeavyCases.LARGE_FAMILY).as("the same size as the engine's large household")
                .isEqualTo(no.bosetting.allocation.engine.Municipality.LARGE_HOUSEHOLD);
    }

    @Test
    void loadsTheInterviewFactsAndTheCurrentConsent() {
        long centre = fixtures.centre("1151");
        long plain = fixtures.household(centre, 0);
        interviews.record(plain, new InterviewAnswers(TestClock.today().minusDays(1), "ukrainsk", null, null, null, null, false, null,
                null, null, null, false, false, "ukrainsk", null), fixtures.caseworker()).value();
        long needing = fixtures.household(centre, 1);
        interviews.record(needing, new InterviewAnswers(TestClock.today().minusDays(1), "ukrainsk", null, null, null, null, false, null,
                null, null, null, false, false, "ukrainsk", null), fixtures.caseworker()).value();
        assertThat(CommandResult.attempt(() -> facts.record(needing, needs(Set.of(AllocationNeed.ACCESSIBLE_DWELLING)),
                fixtures.caseworker())).isSuccess()).isTrue();
        long health = fixtures.household(centre, 0);
        fixtures.ready(health);
        List<HeavyCases.Household> households = List.of(new HeavyCases.Household(plain, 1, false),
                new HeavyCases.Household(needing, 2, false), new HeavyCases.Household(health, 1, false));

        assertThat(heavyCases.heavy(households)).containsExactlyInAnyOrder(needing, health);

        // Consent withdrawn (a newer row): the health details no longer make the household heavy.
        for (Long person : cases.personIds(health)) {
            jdbc.sql("""
                    insert into health_consent (case_id, person_id, given, consent_date, recorded_at, recorded_by)
                    values (:c, :p, false, null, now(), 'test')
                    """).param("c", health).param("p", person).update();
        }
        assertThat(heavyCases.heavy(households)).containsExactly(needing);
    }
}

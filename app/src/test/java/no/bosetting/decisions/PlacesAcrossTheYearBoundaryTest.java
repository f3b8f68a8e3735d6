package no.bosetting.decisions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.CaseQueries;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.decisions.DecisionKindsTest.at;
import static no.bosetting.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Done when" of issue 14: two acceptances across a year boundary for the last places of next year. In December, one
 * household is accepted with one member planned for 28 December and the other for 3 January (its places count in both
 * years), while another household is accepted for 10 January; next year has one place left. The one place rule takes
 * each year's places under that year's decision lock, in year order, so exactly one of them gets January's last place
 * and neither year is ever exceeded. (The other "Done when" race — a December date moved to January while an
 * acceptance takes January's last place — is {@code PlaceYearTest.aDateMovedIntoJanuaryRacesAnAcceptanceForJanuarysLastPlace}.)
 */
@IntegrationTest
class PlacesAcrossTheYearBoundaryTest {

    private static final String FAUSKE = "1841";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;

    private final int december = TestClock.today().getYear() + 3;
    private final int january = december + 1;

    @BeforeEach
    void nextYearHasOnePlaceLeft() {
        fixtures.resetMunicipality(FAUSKE);
        at(LocalDate.of(december, 11, 1), () -> {
            fixtures.decide(FAUSKE, december, 10, 0);
            fixtures.decide(FAUSKE, january, 2, 0);
            return null;
        });
        long first = proposed(0);
        long firstCase = proposals.find(first, fixtures.caseworker()).orElseThrow().caseId();
        assertThat(at(LocalDate.of(december, 12, 1), () -> CommandResult.attempt(() -> proposals.accept(fixtures.municipality(FAUSKE),
                first, fixtures.plannedDates(firstCase, LocalDate.of(january, 1, 5)), null))).isSuccess()).isTrue();
        assertThat(decisions.placesUsed(FAUSKE, january).remaining()).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twoAcceptancesAcrossTheYearBoundaryForTheLastPlaceOfNextYearNeverExceedIt() throws Exception {
        long spanning = proposed(1);
        long spanningCase = proposals.find(spanning, fixtures.caseworker()).orElseThrow().caseId();
        List<Long> members = cases.personIds(spanningCase);
        Map<Long, LocalDate> acrossTheBoundary = new HashMap<>();
        acrossTheBoundary.put(members.get(0), LocalDate.of(december, 12, 28));
        acrossTheBoundary.put(members.get(1), LocalDate.of(january, 1, 3));
        long single = proposed(0);
        long singleCase = proposals.find(single, fixtures.caseworker()).orElseThrow().caseId();
        LocalDate day = LocalDate.of(december, 12, 10);

        List<CommandResult<?>> both = race(
                () -> at(day, () -> CommandResult.attempt(() -> proposals.accept(fixtures.municipality(FAUSKE), spanning,
                        acrossTheBoundary, null))),
                () -> at(day, () -> CommandResult.attempt(() -> proposals.accept(fixtures.municipality(FAUSKE), single,
                        fixtures.plannedDates(singleCase, LocalDate.of(january, 1, 10)), null))));

        assertThat(both.stream().filter(CommandResult::isSuccess)).hasSize(1);
        CommandResult<?> refused = both.stream().filter(r -> !r.isSuccess()).findFirst().orElseThrow();
        assertThat(refused.failure().messageKey()).isEqualTo("error.capacity.exceeded");
        PlacesUsed next = decisions.placesUsed(FAUSKE, january);
        assertThat(next.used()).isEqualTo(2);
        assertThat(next.exceeded()).isFalse();
        // December holds the spanning household's December member exactly when it won January's last place.
        assertThat(decisions.placesUsed(FAUSKE, december).used()).isEqualTo(both.get(0).isSuccess() ? 1 : 0);
    }

    private long proposed(int children) {
        return at(LocalDate.of(december, 11, 20), () -> {
            long caseId = fixtures.household(fixtures.centre(FAUSKE), children, LocalDate.of(december, 10, 1));
            fixtures.ready(caseId);
            return fixtures.propose(caseId, FAUSKE);
        });
    }
}

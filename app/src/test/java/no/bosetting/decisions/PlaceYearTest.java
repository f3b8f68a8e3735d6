package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;

import no.bosetting.access.Actor;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which year a place counts in: the year of its planned settlement date, then of the registered one. A date that moves
 * a place across a year boundary takes a place in the new year by the one place rule, under that year's decision lock,
 * so the decided number holds across the boundary under any concurrency (issue 14, "Which year a place counts in").
 * The scenario runs in a December and January a few years ahead (each thread's own clock), where no other test has places.
 */
@IntegrationTest
class PlaceYearTest {

    private static final String OKSNES = "1868";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;

    private final int december = TestClock.today().getYear() + 3;
    private final int january = december + 1;

    @BeforeEach
    void decisionsForBothYears() {
        fixtures.resetMunicipality(OKSNES);
        fixtures.decide(OKSNES, december, 10, 0);
        fixtures.decide(OKSNES, january, 2, 0);
    }

    @Test
    void aDecemberPlaceSettledInJanuaryTakesJanuarysPlaceAndJanuaryIsNeverExceeded() {
        long decemberHousehold = at(LocalDate.of(december, 12, 1), () -> accepted(LocalDate.of(december, 12, 20)));
        long januaryHousehold = at(LocalDate.of(december, 12, 2), () -> accepted(LocalDate.of(january, 1, 10)));
        assertThat(decisions.placesUsed(OKSNES, december).used()).isEqualTo(1);
        assertThat(decisions.placesUsed(OKSNES, january).used()).isEqualTo(1);

        // Moved in on 2 January after all: the place moves to January, which has one place left.
        long moved = decisions.forCase(decemberHousehold).get(0).id();
        CommandResult<SettlementDecision> registered = at(LocalDate.of(january, 1, 3),
                () -> decisions.registerSettlementDate(moved, LocalDate.of(january, 1, 2), null, officer()));
        assertThat(registered.isSuccess()).isTrue();
        assertThat(registered.value().placeYear()).isEqualTo(january);
        assertThat(decisions.placesUsed(OKSNES, december).used()).isZero();
        assertThat(decisions.placesUsed(OKSNES, january).used()).isEqualTo(2);

        // January is full now: a further household planned for January is refused, and so is the date of one that
        // was planned in December.
        long third = at(LocalDate.of(december, 12, 3), () -> accepted(LocalDate.of(december, 12, 28)));
        long thirdDecision = decisions.forCase(third).get(0).id();
        CommandResult<SettlementDecision> refused = at(LocalDate.of(january, 1, 5),
                () -> CommandResult.attempt(() -> decisions.registerSettlementDate(thirdDecision, LocalDate.of(january, 1, 4), null, officer())));
        assertThat(refused.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) refused.failure()).field()).isEqualTo("date");
        assertThat(refused.failure().messageKey()).isEqualTo("error.settlementDate.yearFull");
        assertThat(decisions.find(thirdDecision).orElseThrow().settlementDate()).isNull();
        assertThat(decisions.placesUsed(OKSNES, january).used()).isEqualTo(2);
        // Its real date in December keeps the place where it was planned.
        assertThat(at(LocalDate.of(january, 1, 5), () -> decisions.registerSettlementDate(thirdDecision,
                LocalDate.of(december, 12, 30), null, officer())).isSuccess()).isTrue();
        assertThat(januaryHousehold).isPositive();
    }

    @Test
    void aYearWithoutADecidedNumberHasNoneToExceedSoTheRegisteredDateCountsThere() {
        fixtures.resetMunicipality(OKSNES);
        fixtures.decide(OKSNES, december, 10, 0);
        long household = at(LocalDate.of(december, 12, 1), () -> accepted(LocalDate.of(december, 12, 20)));
        long decision = decisions.forCase(household).get(0).id();
        assertThat(at(LocalDate.of(january, 1, 3),
                () -> decisions.registerSettlementDate(decision, LocalDate.of(january, 1, 2), null, officer())).isSuccess()).isTrue();
        assertThat(decisions.placesUsed(OKSNES, december).used()).isZero();
        assertThat(decisions.placesUsed(OKSNES, january).used()).isEqualTo(1);
        assertThat(decisions.placesUsed(OKSNES, january).decided()).isNull();
    }

    /** A December date moved to January while another acceptance takes January's last place: never both. */
    @RepeatedTest(3)
    void aDateMovedIntoJanuaryRacesAnAcceptanceForJanuarysLastPlace() throws Exception {
        long decemberHousehold = at(LocalDate.of(december, 12, 1), () -> accepted(LocalDate.of(december, 12, 20)));
        at(LocalDate.of(december, 12, 2), () -> accepted(LocalDate.of(january, 1, 10)));
        long waiting = at(LocalDate.of(december, 12, 2), () -> {
            long caseId = fixtures.household(fixtures.centre(OKSNES), 0, LocalDate.of(december, 11, 1));
            fixtures.ready(caseId);
            return fixtures.propose(caseId, OKSNES);
        });
        long waitingCase = proposals.find(waiting, fixtures.caseworker()).orElseThrow().caseId();
        long moved = decisions.forCase(decemberHousehold).get(0).id();
        LocalDate day = LocalDate.of(january, 1, 3);

        List<CommandResult<?>> both = race(
                () -> at(day, () -> CommandResult.attempt(() -> decisions.registerSettlementDate(moved, LocalDate.of(january, 1, 2), null, officer()))),
                () -> at(day, () -> CommandResult.attempt(() -> proposals.accept(officer(), waiting,
                        fixtures.plannedDates(waitingCase, LocalDate.of(january, 1, 20)), null))));

        assertThat(both.stream().filter(CommandResult::isSuccess)).hasSize(1);
        assertThat(decisions.placesUsed(OKSNES, january).used()).isEqualTo(2);
        assertThat(decisions.placesUsed(OKSNES, january).exceeded()).isFalse();
    }

    private long accepted(LocalDate planned) {
        long caseId = fixtures.household(fixtures.centre(OKSNES), 0, planned.minusMonths(2));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, OKSNES);
        CommandResult.attempt(() -> proposals.accept(officer(), proposal, fixtures.plannedDates(caseId, planned), null)).value();
        return caseId;
    }

    private Actor officer() {
        return fixtures.municipality(OKSNES);
    }

    /** Runs {@code task} with this thread's clock at noon Oslo time on {@code day}. */
    private static <T> T at(LocalDate day, Callable<T> task) {
        Object[] result = new Object[1];
        ShiftableClock.runAt(day.atTime(LocalTime.NOON).atZone(TimeConfig.OSLO).toInstant(), () -> {
            try {
                result[0] = task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}

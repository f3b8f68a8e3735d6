package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import no.bosetting.access.Actor;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecision.Kind;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.DecisionInput;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kinds of council decision (issue 14 item 3) and family reunification (item 4), counted by the one place rule:
 * a period's total (report 003 lines 2347–2354, 2420–2421: Bærum 300 for 2008–10, Molde 115 for 2008–11), a range per
 * year (lines 2243–2248: Namsos 30–50 a year), reunified family members inside the number or on top (lines 2292–2294:
 * Flora's 35 with reunified on top; lines 2353–2354: Bærum's 120 including them); and the bad input each refuses on its
 * field. Runs a few years ahead (each step on its own clock), where no other test has places.
 */
@IntegrationTest
class DecisionKindsTest {

    private static final String SORFOLD = "1845";
    private static final String LODINGEN = "1851";
    private static final String EVENES = "1853";
    private static final String FLAKSTAD = "1859";
    private static final String VAGAN = "1865";

    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CapacityDecisions capacity;
    @Autowired
    PlaceRule rule;
    @Autowired
    ReunifiedPlaces reunified;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    no.bosetting.allocation.AllocationPolicies policies;
    @Autowired
    no.bosetting.statistics.StatisticsQueries statistics;

    private final int year = TestClock.today().getYear() + 3;

    @Test
    void aPeriodTotalCountsEveryYearOfThePeriodAgainstOneNumber() {
        fixtures.resetMunicipality(SORFOLD);
        CapacityDecision period = at(day(1, 10), () -> decide(SORFOLD, new DecisionInput(Kind.PERIOD, year, year + 1, 4, null, 0,
                null, false, "Samlet tall for to år", null))).value();
        assertThat(period.kind()).isEqualTo(Kind.PERIOD);
        assertThat(capacity.find(SORFOLD, year + 1).orElseThrow().persons()).isEqualTo(4);
        assertThat(capacity.find(SORFOLD, year + 1).orElseThrow().firstYear()).isEqualTo(year);

        // A household of two settles in the first year: the second year shows what is left of the period, not 4 again.
        assertThat(at(day(2, 1), () -> accept(SORFOLD, 1, LocalDate.of(year, 3, 1))).isSuccess()).isTrue();
        PlacesUsed second = decisions.placesUsed(SORFOLD, year + 1);
        assertThat(second.period()).isTrue();
        assertThat(second.used()).isZero();
        assertThat(second.remaining()).isEqualTo(2);

        // So a household of three in the second year exceeds the period's total, though that year has used nothing.
        CommandResult<?> tooMany = at(day(4, 1), () -> accept(SORFOLD, 2, LocalDate.of(year + 1, 2, 1)));
        assertThat(tooMany.failure().messageKey()).isEqualTo("error.capacity.exceeded");
        assertThat(tooMany.failure().args()).containsExactly("Sørfold", year + 1, 2, 0, 3);
        // A household of two fits exactly: the period is used up, in both its years.
        assertThat(at(day(4, 2), () -> accept(SORFOLD, 1, LocalDate.of(year + 1, 2, 1))).isSuccess()).isTrue();
        assertThat(decisions.placesUsed(SORFOLD, year).remaining()).isZero();

        // A period's total below the four places used in the period is refused for the whole period.
        CommandResult<CapacityDecision> lower = at(day(5, 1), () -> decide(SORFOLD, new DecisionInput(Kind.PERIOD, year, year + 1, 2,
                null, 0, null, false, "Færre boliger", null), fixtures.municipality(SORFOLD)));
        assertBroken(lower, "persons", "error.decision.belowUsed.period");
        assertThat(lower.failure().args()).containsExactly("Sørfold", 4, year, year + 1);
        assertThat(capacity.find(SORFOLD, year).orElseThrow().persons()).isEqualTo(4);
    }

    @Test
    void aRangeMayBeFilledToItsMaximumWhilePlanningAndTheEngineUseTheMinimumUnlessThePolicySaysSo() throws Exception {
        fixtures.resetMunicipality(EVENES);
        at(day(1, 10), () -> decide(EVENES, new DecisionInput(Kind.RANGE, year, year, 2, 3, 0, null, false, "Spenn", null))).value();
        PlacesUsed places = decisions.placesUsed(EVENES, year);
        assertThat(places.range()).isTrue();
        assertThat(places.decided()).isEqualTo(2);
        assertThat(places.ceiling()).isEqualTo(3);

        assertThat(at(day(2, 1), () -> accept(EVENES, 0, LocalDate.of(year, 3, 1))).isSuccess()).isTrue();
        assertThat(rule.engineRoom(year, false).get(EVENES).persons()).isEqualTo(1);
        assertThat(rule.engineRoom(year, true).get(EVENES).persons()).isEqualTo(2);
        assertThat(at(day(2, 2), () -> accept(EVENES, 0, LocalDate.of(year, 3, 1))).isSuccess()).isTrue();
        assertThat(rule.engineRoom(year, false).get(EVENES).persons()).isZero();
        assertThat(at(day(2, 3), () -> accept(EVENES, 0, LocalDate.of(year, 3, 1))).isSuccess()).isTrue();
        CommandResult<?> fourth = at(day(2, 4), () -> accept(EVENES, 0, LocalDate.of(year, 3, 1)));
        assertThat(fourth.failure().messageKey()).isEqualTo("error.capacity.exceeded");
        assertThat(fourth.failure().args()).containsExactly("Evenes", year, 3, 3, 1);
        assertThat(decisions.placesUsed(EVENES, year).exceeded()).isFalse();
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", EVENES, year).with(as(fixtures.municipality(EVENES))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("RANGE")).andExpect(jsonPath("$.decided").value(2))
                .andExpect(jsonPath("$.ceiling").value(3)).andExpect(jsonPath("$.exceeded").value(false));

        // A range whose minimum is above its maximum, and a maximum below the places used, are refused on the maximum.
        assertBroken(at(day(3, 1), () -> decide(EVENES, new DecisionInput(Kind.RANGE, year + 1, year + 1, 50, 30, 0, null, false,
                "Spenn", null))), "maxPersons", "error.decision.rangeMinAboveMax");
        assertBroken(at(day(3, 1), () -> decide(EVENES, new DecisionInput(Kind.RANGE, year, year, 1, 2, 0, null, false, "Spenn",
                null), fixtures.municipality(EVENES))), "maxPersons", "error.decision.belowUsed");
        assertThat(capacity.find(EVENES, year + 1)).isEmpty();
    }

    @Test
    void periodsMayNotOverlapNorMayAYearOfAPeriodBeDecidedAlone() {
        fixtures.resetMunicipality(LODINGEN);
        at(day(1, 10), () -> decide(LODINGEN, new DecisionInput(Kind.PERIOD, year, year + 2, 90, null, 0, null, false, "Periode",
                null))).value();
        CommandResult<CapacityDecision> overlapping = at(day(1, 11), () -> decide(LODINGEN, new DecisionInput(Kind.PERIOD, year + 1,
                year + 3, 60, null, 0, null, false, "Periode", null)));
        assertBroken(overlapping, "untilYear", "error.decision.periodOverlaps");
        assertThat(overlapping.failure().args()).containsExactly("Lødingen", year, year + 2, 90);
        assertBroken(at(day(1, 11), () -> decide(LODINGEN, new DecisionInput(Kind.YEAR, year + 1, year + 1, 30, null, 0, null, false,
                "Ett år", null))), "year", "error.decision.periodOverlaps");
        assertThat(capacity.find(LODINGEN, year + 3)).isEmpty();
        assertThat(capacity.find(LODINGEN, year + 1).orElseThrow().persons()).isEqualTo(90);
        // The same period decided again replaces it, and says now that reunified family members come on top.
        at(day(1, 12), () -> decide(LODINGEN, new DecisionInput(Kind.PERIOD, year, year + 2, 100, null, 0, null, true, "Økt",
                null))).value();
        assertThat(capacity.find(LODINGEN, year + 2).orElseThrow().persons()).isEqualTo(100);
        assertThat(capacity.find(LODINGEN, year + 2).orElseThrow().reunifiedOnTop()).isTrue();
        // A period needs a later last year.
        assertBroken(at(day(1, 12), () -> decide(LODINGEN, new DecisionInput(Kind.PERIOD, year + 3, null, 10, null, 0, null, false,
                "Periode", null))), "untilYear", "error.decision.periodUntilYear");
    }

    @Test
    void aReunifiedPersonJoiningASettledHouseholdCountsOnTopWhenTheDecisionSaysSoAndInsideOtherwise() {
        fixtures.resetMunicipality(FLAKSTAD);
        fixtures.resetMunicipality(VAGAN);
        at(day(1, 10), () -> decide(FLAKSTAD, new DecisionInput(Kind.YEAR, year, year, 2, null, 0, null, true, "På toppen", null))).value();
        at(day(1, 10), () -> decide(VAGAN, new DecisionInput(Kind.YEAR, year, year, 2, null, 0, null, false, "Inne i tallet", null))).value();
        long onTop = settledHouseholdOfTwo(FLAKSTAD);
        long inside = settledHouseholdOfTwo(VAGAN);

        long spouse = joins(onTop);
        CommandResult<Long> counted = at(day(5, 2), () -> reunified.register(onTop, spouse, LocalDate.of(year, 5, 1),
                fixtures.municipality(FLAKSTAD), null));
        assertThat(counted.isSuccess()).isTrue();
        PlacesUsed flakstad = decisions.placesUsed(FLAKSTAD, year);
        assertThat(flakstad.settled()).isEqualTo(3);
        assertThat(flakstad.reunified()).isEqualTo(1);
        assertThat(flakstad.used()).isEqualTo(2);
        assertThat(flakstad.exceeded()).isFalse();

        long husband = joins(inside);
        CommandResult<Long> refused = at(day(5, 2), () -> reunified.register(inside, husband, LocalDate.of(year, 5, 1),
                fixtures.municipality(VAGAN), null));
        assertBroken(refused, "date", "error.capacity.exceeded");
        assertThat(refused.failure().args()).containsExactly("Vågan", year, 2, 2, 1);
        assertThat(decisions.placesUsed(VAGAN, year).reunified()).isZero();
        // The agency may take the place beyond the number, with a reason that is kept.
        CommandResult<Long> overridden = at(day(5, 2), () -> reunified.register(inside, husband, LocalDate.of(year, 5, 1),
                fixtures.caseworker(), "Ektefelle med familiegjenforening, bolig finnes"));
        assertThat(overridden.isSuccess()).isTrue();
        assertThat(decisions.find(overridden.value()).orElseThrow().overrideReason()).contains("Ektefelle");
        assertThat(decisions.placesUsed(VAGAN, year).reunified()).isEqualTo(1);
        // The statistics show them as their own series (Flakstad and Vågan are both in Nordland).
        assertThat(statistics.reunifiedByCounty(year)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(2)).satisfies(c -> assertThat(c.name()).isEqualTo("Nordland"));
        // Once is enough.
        assertBroken(at(day(5, 3), () -> reunified.register(inside, husband, LocalDate.of(year, 5, 1), fixtures.caseworker(), null)),
                "person", "error.reunified.alreadyCounted");
    }

    @Test
    void theAllocationPolicySaysWhetherTheEngineMayFillARangeToItsMaximum() {
        Actor admin = new Actor("admin-h5", "Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null);
        var current = policies.current();
        assertThat(current.useRangeMaximum()).isFalse();
        try {
            assertThat(policies.saveNewVersion(admin, current.weights(), true, "Spenn fylles til maksimum").value()
                    .useRangeMaximum()).isTrue();
            assertThat(policies.current().useRangeMaximum()).isTrue();
            // A new version of the weights keeps the flag unless it is changed.
            assertThat(policies.saveNewVersion(admin, current.weights(), "Samme vekter").value().useRangeMaximum()).isTrue();
        } finally {
            policies.saveNewVersion(admin, current.weights(), false, "Tilbake til minimum").value();
        }
        assertThat(policies.current().useRangeMaximum()).isFalse();
    }

    /** A household of one adult and one child, accepted and settled in {@code m} in March of the year. */
    private long settledHouseholdOfTwo(String m) {
        long caseId = at(day(2, 1), () -> {
            long c = fixtures.household(fixtures.centre(m), 1, LocalDate.of(year, 1, 1));
            fixtures.ready(c);
            long proposal = fixtures.propose(c, m);
            CommandResult.attempt(() -> proposals.accept(fixtures.municipality(m), proposal,
                    fixtures.plannedDates(c, LocalDate.of(year, 3, 1)), null)).value();
            return c;
        });
        for (SettlementDecision d : decisions.forCase(caseId)) {
            at(day(3, 2), () -> decisions.registerSettlementDate(d.id(), LocalDate.of(year, 3, 1), null, fixtures.municipality(m))).value();
        }
        return caseId;
    }

    /** A family member added to the settled household (the household changes in {@code cases} do this in the app). */
    private long joins(long caseId) {
        return jdbc.sql("""
                insert into person (case_id, duf_number, given_name, family_name, birth_date, sex, citizenship, relation,
                    created_at, created_by, updated_at, updated_by)
                values (:c, :duf, 'Gjenforent', 'Testesen', '1984-02-01', 'M', 'UKR', 'SPOUSE', :now, 'test', :now, 'test')
                returning id
                """)
                .param("c", caseId).param("duf", Fixtures.duf()).param("now", OffsetDateTime.ofInstant(TestClock.instant(), TimeConfig.OSLO))
                .query(Long.class).single();
    }

    private CommandResult<List<Long>> accept(String m, int children, LocalDate planned) {
        long caseId = fixtures.household(fixtures.centre(m), children, LocalDate.of(year, 1, 1));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, m);
        return CommandResult.attempt(() -> proposals.accept(fixtures.municipality(m), proposal, fixtures.plannedDates(caseId, planned), null));
    }

    private CommandResult<CapacityDecision> decide(String m, DecisionInput input) {
        return decide(m, input, fixtures.planner());
    }

    private CommandResult<CapacityDecision> decide(String m, DecisionInput input, Actor actor) {
        return CommandResult.attempt(() -> capacity.decide(actor, m, input));
    }

    private static void assertBroken(CommandResult<?> result, String field, String key) {
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) result.failure()).field()).isEqualTo(field);
        assertThat(result.failure().messageKey()).isEqualTo(key);
    }

    private LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(year, month, dayOfMonth);
    }

    /** Runs {@code task} with this thread's clock at noon Oslo time on {@code day}. */
    static <T> T at(LocalDate day, Callable<T> task) {
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

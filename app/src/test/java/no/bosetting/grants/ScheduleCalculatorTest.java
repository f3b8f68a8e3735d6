package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grant schedule rule (issue 17 item 2): the settlement year is year 1 and four more follow (report 000 lines
 * 3013–3016), the same grant whatever the month (report 003 lines 4522–4526); the grant follows the person to the
 * municipality they live in (report 001 lines 796–798); AMOT/MAMOT per person and month to the hosting municipality
 * (report 000 lines 2455–2457, 2591–2597).
 */
class ScheduleCalculatorTest {

    private static final String OSLO = "0301";
    private static final String BERGEN = "4601";
    private static final LocalDate TODAY = LocalDate.of(2030, 6, 1);

    private final List<GrantRate> rates = new ArrayList<>();
    private long ids = 1;

    private void rate(GrantKind kind, GrantCategory c, Integer n, int amount, LocalDate from, LocalDate to) {
        rates.add(new GrantRate(ids, ids, 1, kind, c, n, BigDecimal.valueOf(amount), from, to, "test", false, null, "t", null, null));
        ids++;
    }

    private RateBook book() {
        return (kind, c, n, day) -> rates.stream()
                .filter(r -> r.sameLine(kind, kind.perSchemeYear() ? c : null, kind.perSchemeYear() ? n : null) && r.covers(day)).findFirst();
    }

    ScheduleCalculatorTest() {
        for (GrantCategory c : GrantCategory.values()) {
            for (int n = 1; n <= 5; n++) {
                // 2024 and 2025 differ, so the year whose rate is used shows
                rate(GrantKind.INTEGRATION, c, n, 100_000 * (6 - n) + (c == GrantCategory.SINGLE_ADULT ? 50_000 : 0), LocalDate.of(2020, 1, 1),
                        LocalDate.of(2024, 12, 31));
                rate(GrantKind.INTEGRATION, c, n, 100_000 * (6 - n) + 10_000 + (c == GrantCategory.SINGLE_ADULT ? 50_000 : 0),
                        LocalDate.of(2025, 1, 1), null);
            }
        }
        rate(GrantKind.UNACCOMPANIED_MINOR, null, null, 250_000, LocalDate.of(2020, 1, 1), null);
        rate(GrantKind.DISABILITY, null, null, 200_000, LocalDate.of(2020, 1, 1), null);
        // the reports' AMOT rates
        rate(GrantKind.AMOT, null, null, 17_687, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        rate(GrantKind.AMOT, null, null, 18_377, LocalDate.of(2025, 1, 1), null);
    }

    private static ScheduleCalculator.Facts adult(LocalDate settled, List<ScheduleCalculator.Move> moves, GrantCategory c) {
        return new ScheduleCalculator.Facts(1, 1, LocalDate.of(1985, 3, 1), c, settled, null, OSLO, moves, List.of());
    }

    private static List<ScheduleLine> integration(List<ScheduleLine> lines) {
        return lines.stream().filter(l -> l.kind() == GrantKind.INTEGRATION).toList();
    }

    @Test
    void settlementInDecemberGivesTheSettlementYearItsFullGrantAndYearTwoStartsInJanuary() {
        List<ScheduleLine> december = integration(ScheduleCalculator.compute(adult(LocalDate.of(2024, 12, 28), List.of(),
                GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        List<ScheduleLine> january = integration(ScheduleCalculator.compute(adult(LocalDate.of(2025, 1, 3), List.of(),
                GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        assertThat(december).extracting(ScheduleLine::calendarYear).containsExactly(2024, 2025, 2026, 2027, 2028);
        assertThat(december).extracting(ScheduleLine::schemeYear).containsExactly(1, 2, 3, 4, 5);
        // the full year-1 grant at 2024's rate for four days in December
        assertThat(december.get(0).amount()).isEqualByComparingTo("500000");
        assertThat(december.get(1).amount()).isEqualByComparingTo("410000"); // year 2 in 2025 at 2025's rate
        assertThat(january).extracting(ScheduleLine::calendarYear).containsExactly(2025, 2026, 2027, 2028, 2029);
        assertThat(january.get(0).amount()).isEqualByComparingTo("510000");
        assertThat(december).allSatisfy(l -> assertThat(l.municipalityNumber()).isEqualTo(OSLO));
        assertThat(december).noneMatch(ScheduleLine::expected);
    }

    @Test
    void aMoveInYearThreeGivesTheYearsLeftToTheNewMunicipality() {
        // settled 2025 (year 1), moved in June 2027 (year 3): year 3 stays, years 4 and 5 go to Bergen
        List<ScheduleLine> lines = integration(ScheduleCalculator.compute(adult(LocalDate.of(2025, 3, 1),
                List.of(new ScheduleCalculator.Move(LocalDate.of(2027, 6, 15), BERGEN)), GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        assertThat(lines).extracting(ScheduleLine::municipalityNumber).containsExactly(OSLO, OSLO, OSLO, BERGEN, BERGEN);
        // a move on 1 January counts from that year
        List<ScheduleLine> newYear = integration(ScheduleCalculator.compute(adult(LocalDate.of(2025, 3, 1),
                List.of(new ScheduleCalculator.Move(LocalDate.of(2027, 1, 1), BERGEN)), GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        assertThat(newYear).extracting(ScheduleLine::municipalityNumber).containsExactly(OSLO, OSLO, BERGEN, BERGEN, BERGEN);
    }

    @Test
    void theHouseholdDecidesTheCategoryAndAChangeChangesTheAmounts() {
        LocalDate settled = LocalDate.of(2025, 5, 1);
        LocalDate adultBirth = LocalDate.of(1990, 1, 1);
        // alone: a single adult; after a spouse joins the household (a household change): an adult in a family
        assertThat(GrantCategory.of(adultBirth, settled, false, 1)).isEqualTo(GrantCategory.SINGLE_ADULT);
        assertThat(GrantCategory.of(adultBirth, settled, false, 2)).isEqualTo(GrantCategory.ADULT_IN_FAMILY);
        assertThat(GrantCategory.of(LocalDate.of(2015, 1, 1), settled, false, 3)).isEqualTo(GrantCategory.CHILD);
        assertThat(GrantCategory.of(LocalDate.of(2009, 1, 1), settled, true, 1)).isEqualTo(GrantCategory.UNACCOMPANIED_MINOR);
        assertThat(GrantCategory.of(LocalDate.of(1965, 5, 1), settled, false, 2)).isEqualTo(GrantCategory.ELDERLY);
        assertThat(GrantCategory.of(LocalDate.of(1965, 5, 2), settled, false, 2)).isEqualTo(GrantCategory.ADULT_IN_FAMILY);
        List<ScheduleLine> single = integration(ScheduleCalculator.compute(adult(settled, List.of(), GrantCategory.SINGLE_ADULT), book(), TODAY));
        List<ScheduleLine> family = integration(ScheduleCalculator.compute(adult(settled, List.of(), GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        assertThat(single.get(0).amount()).isEqualByComparingTo("560000");
        assertThat(family.get(0).amount()).isEqualByComparingTo("510000");
    }

    @Test
    void anUnaccompaniedMinorGetsTheMinorsGrantUpToTheYearTheyTurnTwenty() {
        ScheduleCalculator.Facts minor = new ScheduleCalculator.Facts(1, 1, LocalDate.of(2008, 4, 1), GrantCategory.UNACCOMPANIED_MINOR,
                LocalDate.of(2025, 2, 1), null, OSLO, List.of(), List.of());
        List<ScheduleLine> lines = ScheduleCalculator.compute(minor, book(), TODAY);
        assertThat(lines.stream().filter(l -> l.kind() == GrantKind.UNACCOMPANIED_MINOR).map(ScheduleLine::calendarYear))
                .containsExactly(2025, 2026, 2027, 2028); // turns 20 in 2028
        assertThat(integration(lines)).hasSize(5);
    }

    @Test
    void anAcceptedHouseholdNotYetSettledHasExpectedLinesFromThePlannedDate() {
        ScheduleCalculator.Facts planned = new ScheduleCalculator.Facts(1, 1, LocalDate.of(1985, 3, 1), GrantCategory.ADULT_IN_FAMILY, null,
                LocalDate.of(2030, 8, 1), OSLO, List.of(), List.of());
        List<ScheduleLine> lines = ScheduleCalculator.compute(planned, book(), TODAY);
        assertThat(lines).hasSize(5).allMatch(ScheduleLine::expected);
        assertThat(lines.get(0).calendarYear()).isEqualTo(2030);
    }

    @Test
    void amotGivesTheHostingMunicipalityTheMonthlyRatePerPersonProRataUntilSettlement() {
        ScheduleCalculator.Facts f = new ScheduleCalculator.Facts(1, 1, LocalDate.of(1985, 3, 1), GrantCategory.ADULT_IN_FAMILY,
                LocalDate.of(2025, 1, 10), null, OSLO, List.of(),
                List.of(new ScheduleCalculator.Stay(GrantKind.AMOT, BERGEN, LocalDate.of(2024, 11, 16), null)));
        List<ScheduleLine> amot = ScheduleCalculator.compute(f, book(), TODAY).stream().filter(l -> l.kind() == GrantKind.AMOT).toList();
        assertThat(amot).extracting(ScheduleLine::periodMonth)
                .containsExactly(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1));
        assertThat(amot).allSatisfy(l -> assertThat(l.municipalityNumber()).isEqualTo(BERGEN));
        assertThat(amot.get(0).amount()).isEqualByComparingTo("8844"); // 15 of 30 days at 17 687 (2024)
        assertThat(amot.get(1).amount()).isEqualByComparingTo("17687");
        assertThat(amot.get(2).amount()).isEqualByComparingTo("5335"); // 9 of 31 days at 18 377 (from 1 January 2025)
    }

    @Test
    void theDisabilityGrantIsPaidOnceInTheSchemeYearItWasGrantedToWhereThePersonLivesThen() {
        ScheduleCalculator.Facts f = new ScheduleCalculator.Facts(1, 1, LocalDate.of(1985, 3, 1), GrantCategory.ADULT_IN_FAMILY,
                LocalDate.of(2025, 3, 1), null, OSLO, List.of(new ScheduleCalculator.Move(LocalDate.of(2026, 5, 1), BERGEN)), List.of(),
                List.of(LocalDate.of(2026, 9, 1)));
        assertThat(ScheduleCalculator.compute(f, book(), TODAY).stream().filter(l -> l.kind() == GrantKind.DISABILITY).toList())
                .singleElement().satisfies(l -> {
                    assertThat(l.schemeYear()).isEqualTo(2);
                    assertThat(l.calendarYear()).isEqualTo(2026);
                    assertThat(l.municipalityNumber()).isEqualTo(BERGEN);
                    assertThat(l.amount()).isEqualByComparingTo("200000");
                });
    }

    @Test
    void aLineWithoutARateIsKeptAndMarked() {
        rates.removeIf(r -> r.kind() == GrantKind.INTEGRATION && r.schemeYear() == 5);
        List<ScheduleLine> lines = integration(ScheduleCalculator.compute(adult(LocalDate.of(2025, 3, 1), List.of(),
                GrantCategory.ADULT_IN_FAMILY), book(), TODAY));
        assertThat(lines.get(4).missingRate()).isTrue();
        assertThat(lines.get(4).amount()).isNull();
        assertThat(Optional.ofNullable(lines.get(3).rateId())).isPresent();
    }
}

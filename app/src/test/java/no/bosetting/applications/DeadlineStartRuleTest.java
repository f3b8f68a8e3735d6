package no.bosetting.applications;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The six-month deadline under each start rule, on the edge days. */
class DeadlineStartRuleTest {

    @Test
    void permitDateRuleCountsSixCalendarMonthsFromThePermit() {
        ApplicationDeadline d = DeadlineStartRule.PERMIT_DATE.deadline(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 1), null);
        assertThat(d.start()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2024, 9, 15));
        assertThat(d.rule()).isEqualTo(DeadlineStartRule.PERMIT_DATE);
    }

    @Test
    void aPermitOnThe31stOfAugustEndsOnTheLastDayOfFebruaryInLeapAndOrdinaryYears() {
        assertThat(DeadlineStartRule.PERMIT_DATE.deadline(LocalDate.of(2023, 8, 31), null, null).lastDay())
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DeadlineStartRule.PERMIT_DATE.deadline(LocalDate.of(2022, 8, 31), null, null).lastDay())
                .isEqualTo(LocalDate.of(2023, 2, 28));
        // A permit on a leap day: six months later is 29 August.
        assertThat(DeadlineStartRule.PERMIT_DATE.deadline(LocalDate.of(2024, 2, 29), null, null).lastDay())
                .isEqualTo(LocalDate.of(2024, 8, 29));
    }

    @Test
    void exactlySixMonthsIsOnTimeAndTheDayAfterIsLate() {
        ApplicationDeadline d = DeadlineStartRule.PERMIT_DATE.deadline(LocalDate.of(2024, 1, 10), null, null);
        assertThat(d.isLate(LocalDate.of(2024, 7, 10))).isFalse();
        assertThat(d.isLate(LocalDate.of(2024, 7, 11))).isTrue();
        assertThat(d.isLate(LocalDate.of(2023, 12, 1))).isFalse(); // sent before the permit
        assertThat(d.daysLeft(LocalDate.of(2024, 7, 10))).isZero();
        assertThat(d.daysLeft(LocalDate.of(2024, 7, 12))).isEqualTo(-2);
    }

    @Test
    void notifiedDateRuleStartsWhenThePersonWasToldAndFallsBackToThePermit() {
        LocalDate permit = LocalDate.of(2023, 8, 31);
        ApplicationDeadline told = DeadlineStartRule.NOTIFIED_DATE.deadline(permit, LocalDate.of(2023, 9, 20), null);
        assertThat(told.start()).isEqualTo(LocalDate.of(2023, 9, 20));
        assertThat(told.lastDay()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(DeadlineStartRule.NOTIFIED_DATE.deadline(permit, null, null).start()).isEqualTo(permit);
        // A stated date before the permit cannot move the start earlier than the permit.
        assertThat(DeadlineStartRule.NOTIFIED_DATE.deadline(permit, LocalDate.of(2023, 8, 1), null).start()).isEqualTo(permit);
    }

    @Test
    void effectuatedPermitRuleStartsAtArrivalWhenThatIsLater() {
        LocalDate permit = LocalDate.of(2024, 2, 29);
        ApplicationDeadline arrived = DeadlineStartRule.EFFECTUATED_PERMIT.deadline(permit, LocalDate.of(2024, 3, 5), LocalDate.of(2024, 8, 31));
        assertThat(arrived.start()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(arrived.lastDay()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(DeadlineStartRule.EFFECTUATED_PERMIT.deadline(permit, null, LocalDate.of(2024, 1, 1)).start()).isEqualTo(permit);
        assertThat(DeadlineStartRule.EFFECTUATED_PERMIT.deadline(permit, null, null).lastDay()).isEqualTo(LocalDate.of(2024, 8, 29));
    }
}

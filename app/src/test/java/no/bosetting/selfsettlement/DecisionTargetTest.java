package no.bosetting.selfsettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DecisionTargetTest {

    @Test
    void threeWorkingDaysSkipWeekends() {
        // Thursday 19 November 2026 -> Friday, Monday, Tuesday.
        assertThat(DecisionTarget.due(LocalDate.of(2026, 11, 19))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(DecisionTarget.workingDaysBetween(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 24))).isEqualTo(3);
    }

    @Test
    void easterIsNotWorked() {
        // Wednesday 1 April 2026: Maundy Thursday, Good Friday and Easter Monday (2, 3 and 6 April) are holidays.
        assertThat(DecisionTarget.due(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(DecisionTarget.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThat(DecisionTarget.isWorkingDay(LocalDate.of(2026, 4, 7))).isTrue();
    }

    @Test
    void fixedAndMovableHolidaysInMay() {
        // 2027: Ascension Day Thursday 6 May (Wednesday 5 May -> Friday 7, Monday 10, Tuesday 11); Constitution Day
        // and Whit Monday both on Monday 17 May (Friday 14 May -> 18, 19, 20).
        assertThat(DecisionTarget.due(LocalDate.of(2027, 5, 5))).isEqualTo(LocalDate.of(2027, 5, 11));
        assertThat(DecisionTarget.due(LocalDate.of(2027, 5, 14))).isEqualTo(LocalDate.of(2027, 5, 20));
        assertThat(DecisionTarget.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(DecisionTarget.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
        assertThat(DecisionTarget.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 28))).isEqualTo(2);
    }
}

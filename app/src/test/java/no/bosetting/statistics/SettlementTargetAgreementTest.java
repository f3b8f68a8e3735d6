package no.bosetting.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LongWaitingDeadlines;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the case list, the statistics, the long-waiting deadline rule and the allocation round agree on one
 * settlement target ({@link SettlementTarget}) for the same household.
 */
@IntegrationTest
class SettlementTargetAgreementTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    StatisticsQueries statistics;
    @Autowired
    LongWaitingDeadlines deadlines;
    @Autowired
    RoundBuilder rounds;

    @Test
    void aFamilyHundredDaysAfterThePermitIsLongWaitingEverywhere() {
        LocalDate today = TestClock.today();
        long family = fixtures.household(fixtures.centre("3403"), 2, today.minusDays(100));
        assertAgree(family, today, true);
    }

    @Test
    void aFamilyOnItsDueDateIsLongWaitingNowhereAndTheDayAfterEverywhere() {
        LocalDate today = TestClock.today();
        long onDueDate = fixtures.household(fixtures.centre("3403"), 1, today.minusMonths(SettlementTarget.PRIORITY_MONTHS));
        long dayAfter = fixtures.household(fixtures.centre("3403"), 1,
                today.minusMonths(SettlementTarget.PRIORITY_MONTHS).minusDays(1));
        // Three months before today is due today, except at a month's end that has no such day three months on
        // (on 31 December: 30 September + 3 months = 30 December), where it is already a day past due.
        CaseSummary s = cases.summaryForSystem(onDueDate).orElseThrow();
        boolean pastDue = today.isAfter(SettlementTarget.dueDate(s.permitDate(), s.householdType()));
        assertThat(pastDue).isEqualTo(today.minusMonths(SettlementTarget.PRIORITY_MONTHS).plusMonths(SettlementTarget.PRIORITY_MONTHS)
                .isBefore(today));
        assertAgree(onDueDate, today, pastDue);
        assertAgree(dayAfter, today, true);
    }

    @Test
    void aSingleAdultHundredDaysAfterThePermitIsLongWaitingNowhere() {
        LocalDate today = TestClock.today();
        long single = fixtures.household(fixtures.centre("3403"), 0, today.minusDays(100));
        assertAgree(single, today, false);
    }

    private void assertAgree(long caseId, LocalDate today, boolean longWaiting) {
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        HouseholdType type = summary.householdType();
        assertThat(SettlementTarget.isLongWaiting(summary.permitDate(), type, today)).isEqualTo(longWaiting);

        // The case list.
        assertThat(summary.longWaiting()).as("case list").isEqualTo(longWaiting);

        // The statistics: the long-waiting list and its count.
        List<LongWaiting> listed = statistics.longWaiting(1_000_000);
        assertThat(listed).extracting(LongWaiting::caseId).as("statistics").matches(ids -> ids.contains(caseId) == longWaiting);
        assertThat(statistics.longWaitingCount()).as("statistics count").isEqualTo(listed.size());

        // The deadline rule.
        List<DueItem> due = deadlines.evaluate(today).stream().filter(d -> d.itemKey().equals("case:" + caseId)).toList();
        assertThat(due).as("deadline rule").hasSize(longWaiting ? 1 : 0);
        if (longWaiting) {
            assertThat(due.get(0).dueDate()).isEqualTo(SettlementTarget.dueDate(summary.permitDate(), type));
        }

        // The allocation round: the same target in days, and past it exactly when long-waiting.
        Household household = rounds.build("agreement", List.of(summary), today).households().stream()
                .filter(h -> h.id().equals(String.valueOf(caseId))).findFirst().orElseThrow();
        assertThat(household.targetDays()).as("round target")
                .isEqualTo(ChronoUnit.DAYS.between(summary.permitDate(), SettlementTarget.dueDate(summary.permitDate(), type)));
        assertThat(household.daysWaited() > household.targetDays()).as("round past target").isEqualTo(longWaiting);
    }
}

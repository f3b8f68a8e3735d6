package no.bosetting.decisions;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for an actual settlement date (issue 20 item 7): never in the future, before the decision or the permit. */
class SettlementDateRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);
    private static final LocalDate PERMIT = LocalDate.of(2025, 12, 1);

    @Test
    void aDateFromTheDecisionUntilTodayIsAccepted() {
        assertThat(SettlementDateRule.refusal(DECIDED, DECIDED, PERMIT, TODAY)).isEmpty();
        assertThat(SettlementDateRule.refusal(TODAY, DECIDED, PERMIT, TODAY)).isEmpty();
    }

    @Test
    void aDateBeforeTheDecisionIsRefusedNamingTheDecisionDay() {
        var refusal = SettlementDateRule.refusal(DECIDED.minusDays(1), DECIDED, PERMIT, TODAY).orElseThrow();
        assertThat(refusal.messageKey()).isEqualTo("error.settlementDate.beforeDecision");
        assertThat(refusal.args()).containsExactly("01.03.2026");
    }

    @Test
    void futureAndBeforePermitAreRefused() {
        assertThat(SettlementDateRule.refusal(TODAY.plusDays(1), DECIDED, PERMIT, TODAY).orElseThrow().messageKey())
                .isEqualTo("error.settlementDate.future");
        // A decision can precede the permit only in bad data; the permit still bounds the date.
        assertThat(SettlementDateRule.refusal(PERMIT.minusDays(1), null, PERMIT, TODAY).orElseThrow())
                .satisfies(r -> {
                    assertThat(r.messageKey()).isEqualTo("error.settlementDate.beforePermit");
                    assertThat(r.args()).containsExactly("01.12.2025");
                });
    }
}

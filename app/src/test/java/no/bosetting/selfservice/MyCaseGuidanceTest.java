package no.bosetting.selfservice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 point 3: what My case says follows the case's state and its dates on the day it is read. */
class MyCaseGuidanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final OffsetDateTime ENDED = OffsetDateTime.of(2026, 11, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    private static MyCaseGuidance of(CaseStatus status, LocalDate planned, LocalDate settled, CloseReason reason, String municipality) {
        return MyCaseGuidance.derive(status, planned, settled, reason, ENDED, municipality, TODAY);
    }

    @Test
    void anOfferWithThePlannedDateAheadSaysTheDateAndMayBeDeclined() {
        MyCaseGuidance g = of(CaseStatus.OFFERED, TODAY.plusDays(30), null, null, "Alver");
        assertThat(g.nextKey()).isEqualTo("self.guide.offered.ahead");
        assertThat(g.nextDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(g.plannedDateAhead()).isTrue();
        assertThat(g.offerOpen()).isTrue();
        assertThat(g.hasOffer()).isTrue();
        assertThat(g.endedAt()).isNull();
    }

    @Test
    void aPlannedDateThatHasPassedIsNeverShownAsAhead() {
        MyCaseGuidance g = of(CaseStatus.OFFERED, TODAY.minusMonths(10), null, null, "Alver");
        assertThat(g.nextKey()).isEqualTo("self.guide.offered.passed");
        assertThat(g.nextDate()).isEqualTo(TODAY.minusMonths(10));
        assertThat(g.plannedDateAhead()).isFalse();
        assertThat(g.offerOpen()).isTrue();
        // The planned date today is still ahead.
        assertThat(of(CaseStatus.OFFERED, TODAY, null, null, "Alver").nextKey()).isEqualTo("self.guide.offered.ahead");
    }

    @Test
    void anOfferWithoutAPlannedDateSaysTheMunicipalityWillTell() {
        assertThat(of(CaseStatus.OFFERED, null, null, null, "Alver").nextKey()).isEqualTo("self.guide.offered.noDate");
    }

    @Test
    void aSettledHouseholdIsToldItsSettlementDateAndHasNothingToDecline() {
        MyCaseGuidance g = of(CaseStatus.SETTLED, TODAY.minusMonths(3), TODAY.minusMonths(2), null, "Alver");
        assertThat(g.nextKey()).isEqualTo("self.guide.settled");
        assertThat(g.nextDate()).isEqualTo(TODAY.minusMonths(2));
        assertThat(g.offerOpen()).isFalse();
        assertThat(g.hasOffer()).isTrue();
        assertThat(g.settled()).isTrue();
    }

    @Test
    void aClosedCaseSaysWhyAndWhenAndOffersNoDecline() {
        MyCaseGuidance g = of(CaseStatus.CLOSED, null, null, CloseReason.LEFT_NORWAY, null);
        assertThat(g.nextKey()).isEqualTo("self.guide.closed");
        assertThat(g.closedReasonKey()).isEqualTo("self.guide.closedReason.LEFT_NORWAY");
        assertThat(g.endedAt()).isEqualTo(ENDED);
        assertThat(g.offerOpen()).isFalse();
        assertThat(g.hasOffer()).isFalse();
        assertThat(of(CaseStatus.CLOSED, null, null, null, null).closedReasonKey()).isEqualTo("self.guide.closedReason.UNKNOWN");
    }

    @Test
    void aDeclinedOfferSaysWhenAndOffersNoDecline() {
        MyCaseGuidance g = of(CaseStatus.DECLINED, TODAY.minusDays(5), null, null, null);
        assertThat(g.nextKey()).isEqualTo("self.guide.declined");
        assertThat(g.endedAt()).isEqualTo(ENDED);
        assertThat(g.offerOpen()).isFalse();
        assertThat(g.closedReasonKey()).isNull();
    }

    @Test
    void theStepsBeforeAnOfferKeepTheirTextAndHaveNothingToDecline() {
        for (CaseStatus s : new CaseStatus[]{CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION, CaseStatus.PROPOSED,
                CaseStatus.AWAITING_APPLICATION, CaseStatus.APPLICATION_DEADLINE_MISSED}) {
            MyCaseGuidance g = of(s, null, null, null, null);
            assertThat(g.nextKey()).isEqualTo("self.next." + s.name());
            assertThat(g.offerOpen()).as(s.name()).isFalse();
            assertThat(g.hasOffer()).as(s.name()).isFalse();
            assertThat(g.endedAt()).isNull();
        }
        // Away with an offer: it still has its municipality (no deadline talk), but nothing to decline until back.
        MyCaseGuidance away = of(CaseStatus.TEMPORARILY_ABSENT, TODAY.minusDays(3), null, null, "Alver");
        assertThat(away.hasOffer()).isTrue();
        assertThat(away.offerOpen()).isFalse();
    }
}

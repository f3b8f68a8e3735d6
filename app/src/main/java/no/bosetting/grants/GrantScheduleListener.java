package no.bosetting.grants;

import no.bosetting.cases.CaseOfferChanged;
import no.bosetting.cases.HouseholdChanged;
import no.bosetting.decisions.HouseholdSettled;
import no.bosetting.decisions.PlannedSettlementDateChanged;
import no.bosetting.decisions.SettlementOffered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes a household's schedules when what they are computed from changes: an acceptance (expected grants), the
 * settlement, a new planned date, a household or person change, an offer withdrawn or a case closed. Date corrections
 * and secondary moves are seen when the schedule is next read (person page, municipality page, payment run).
 */
@Component
class GrantScheduleListener {

    private final GrantSchedules schedules;

    GrantScheduleListener(GrantSchedules schedules) {
        this.schedules = schedules;
    }

    @EventListener
    void on(SettlementOffered e) {
        schedules.refresh(e.caseId(), "OFFERED");
    }

    @EventListener
    void on(HouseholdSettled e) {
        schedules.refresh(e.caseId(), "SETTLED");
    }

    @EventListener
    void on(PlannedSettlementDateChanged e) {
        schedules.refresh(e.caseId(), "PLANNED_DATE");
    }

    @EventListener
    void on(HouseholdChanged e) {
        schedules.refresh(e.caseId(), "HOUSEHOLD");
    }

    @EventListener
    void on(no.bosetting.decisions.SettlementDateCorrected e) {
        schedules.refresh(e.caseId(), "DATE_CORRECTED");
    }

    @EventListener
    void on(no.bosetting.moves.SecondaryMoveRegistered e) {
        schedules.refresh(e.caseId(), "MOVED");
    }

    @EventListener
    void on(CaseOfferChanged e) {
        schedules.refresh(e.caseId(), "OFFER_CHANGED");
    }
}

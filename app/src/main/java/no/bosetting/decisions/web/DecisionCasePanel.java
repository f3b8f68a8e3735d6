package no.bosetting.decisions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.ReceptionScope;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import org.springframework.stereotype.Component;

/** The decisions on the case page, with settlement-date registration and declining the offer. */
@Component
class DecisionCasePanel implements CasePanel {

    private final SettlementDecisions decisions;

    private final Clock clock;

    DecisionCasePanel(SettlementDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        List<SettlementDecision> list = decisions.forCase(summary.id());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        boolean canRegister = actor.isMunicipality(list.get(0).municipalityNumber()) || actor.is(Role.AGENCY_CASEWORKER);
        // The centre records the move to the settlement municipality with the settlement dates, for its own residents.
        boolean canMoveOut = summary.status() == CaseStatus.OFFERED && summary.receptionCentreId() != null
                && (ReceptionScope.sees(actor, summary) || actor.is(Role.AGENCY_CASEWORKER));
        return Optional.of(new View("decisions/panel", Map.of(
                "decisions", list,
                "changes", decisions.dateChanges(summary.id()),
                "canRegister", canRegister,
                "canDecline", actor.is(Role.AGENCY_CASEWORKER) && summary.status() == CaseStatus.OFFERED,
                "canMoveOutSettled", canMoveOut,
                "today", LocalDate.now(clock),
                "caseId", summary.id())));
    }
}

package no.bosetting.decisions.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import org.springframework.stereotype.Component;

/** The decisions on the case page, with settlement-date registration and declining the offer. */
@Component
class DecisionCasePanel implements CasePanel {

    private final SettlementDecisions decisions;

    DecisionCasePanel(SettlementDecisions decisions) {
        this.decisions = decisions;
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
        return Optional.of(new View("decisions/panel", Map.of(
                "decisions", list,
                "changes", decisions.dateChanges(summary.id()),
                "canRegister", canRegister,
                "canDecline", actor.is(Role.AGENCY_CASEWORKER) && summary.status() == CaseStatus.OFFERED,
                "caseId", summary.id())));
    }
}

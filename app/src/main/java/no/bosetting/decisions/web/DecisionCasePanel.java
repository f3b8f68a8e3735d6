package no.bosetting.decisions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.DecisionCommand;
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
        // What the actor may do with each decision now; the household's commands apply to its open decisions together.
        Map<Long, List<DecisionCommand>> commands = decisions.validCommands(actor, summary);
        boolean canRegister = DecisionCommand.REGISTER_SETTLEMENT_DATE.allowedFor(actor.role())
                && (actor.isAgency() || actor.isMunicipality(list.get(0).municipalityNumber()));
        List<SettlementDecision> movingOut = list.stream()
                .filter(d -> commands.get(d.id()).contains(DecisionCommand.REGISTER_AT_MOVE_OUT)).toList();
        return Optional.of(new View("decisions/panel", Map.of(
                "decisions", list,
                "commands", commands,
                "changes", decisions.dateChanges(summary.id()),
                "canRegister", canRegister,
                "canDecline", commands.values().stream().anyMatch(c -> c.contains(DecisionCommand.DECLINE)),
                "movingOut", movingOut,
                "canMoveOutSettled", !movingOut.isEmpty(),
                "today", LocalDate.now(clock),
                "caseId", summary.id())));
    }
}

package no.bosetting.introduction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.introduction.IntroductionCommand;
import no.bosetting.introduction.IntroductionRegister;
import org.springframework.stereotype.Component;

/** The introduction register on a settled case's page: each settled person with a link to their entry. */
@Component
class IntroductionCasePanel implements CasePanel {

    private final IntroductionRegister register;
    private final SettlementDecisions decisions;

    IntroductionCasePanel(IntroductionRegister register, SettlementDecisions decisions) {
        this.register = register;
        this.decisions = decisions;
    }

    @Override
    public int order() {
        return 36;
    }

    /** A settled person: id and municipality (names come from the case page's members, whose read it logs). */
    public record Settled(long personId, String municipalityNumber) {
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        List<Settled> settled = new ArrayList<>();
        decisions.forCase(summary.id()).stream()
                .filter(d -> d.status() == DecisionStatus.SETTLED && d.settlementDate() != null)
                .forEach(d -> settled.add(new Settled(d.personId(), d.municipalityNumber())));
        if (settled.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new View("introduction/panel", Map.of(
                "settled", settled,
                "canRecord", register.validCommands(actor, summary).contains(IntroductionCommand.RECORD),
                "caseId", summary.id())));
    }
}

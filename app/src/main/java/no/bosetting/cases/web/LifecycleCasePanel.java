package no.bosetting.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseLifecycle;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.LivingSituations;
import no.bosetting.cases.ReceptionCentres;
import no.bosetting.cases.ResidencePeriods;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Component;

/**
 * The life cycle on the case page (fragment {@code cases/lifecycle}): the living-situation history with its changes and
 * the forms the actor's valid commands allow — a new or corrected period, away and back, the municipality's choice for
 * its places, withdrawing an offer, reopening. Shown whenever one of them is valid or there is something to show.
 */
@Component
class LifecycleCasePanel implements CasePanel {

    private static final List<CaseCommand> OWN = List.of(CaseCommand.RECORD_LIVING_SITUATION, CaseCommand.CORRECT_LIVING_SITUATION,
            CaseCommand.MARK_ABSENT, CaseCommand.RETURN_FROM_ABSENCE, CaseCommand.HOLD_PLACES, CaseCommand.RELEASE_PLACES,
            CaseCommand.WITHDRAW_OFFER, CaseCommand.REOPEN);

    private final CaseCommands commands;
    private final CaseLifecycle lifecycle;
    private final LivingSituations living;
    private final ReceptionCentres centres;
    private final Municipalities municipalities;
    private final Clock clock;
    private final no.bosetting.cases.ProtectedAddress protection;

    LifecycleCasePanel(CaseCommands commands, CaseLifecycle lifecycle, LivingSituations living, ReceptionCentres centres,
                       Municipalities municipalities, Clock clock, no.bosetting.cases.ProtectedAddress protection) {
        this.protection = protection;
        this.commands = commands;
        this.lifecycle = lifecycle;
        this.living = living;
        this.centres = centres;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        List<CaseCommand> valid = commands.validCommands(summary.id(), actor).stream().filter(OWN::contains).toList();
        var absence = lifecycle.current(summary.id());
        // A protected address (issue 18 item 4): where the household has lived and its changes are not shown to the undesignated.
        boolean hidden = protection.hides(actor, summary.id());
        var changes = hidden ? List.<no.bosetting.cases.LivingSituations.Change>of() : living.changes(summary.id());
        if (valid.isEmpty() && absence.isEmpty() && changes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", summary.id());
        model.put("commands", valid);
        model.put("absence", absence.orElse(null));
        model.put("changes", changes);
        model.put("periods", hidden ? living.periods(summary.id()).stream()
                .map(p -> new no.bosetting.cases.ResidencePeriods.Period(p.kind(), null, null, p.from(), p.to())).toList()
                : living.periods(summary.id()));
        model.put("kinds", ResidencePeriods.RECORDABLE);
        model.put("centres", centres.all());
        model.put("municipalities", municipalities.all());
        model.put("today", LocalDate.now(clock));
        model.put("reopenDeadline", CaseLifecycle.reopenDeadline(summary.permitDate()));
        model.put("mamotFirst", ResidencePeriods.MAMOT_FIRST);
        model.put("mamotLast", ResidencePeriods.MAMOT_LAST);
        return Optional.of(new View("cases/lifecycle", model));
    }
}

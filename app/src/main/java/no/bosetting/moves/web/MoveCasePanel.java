package no.bosetting.moves.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.moves.MoveCommand;
import no.bosetting.moves.MoveReason;
import no.bosetting.moves.SecondaryMove;
import no.bosetting.moves.SecondaryMoves;
import org.springframework.stereotype.Component;

/** Secondary moves on the case page: the moves registered and, for the caseworker, the form to register one. */
@Component
class MoveCasePanel implements CasePanel {

    private final SecondaryMoves moves;
    private final Clock clock;
    private final no.bosetting.cases.ProtectedAddress protection;

    MoveCasePanel(SecondaryMoves moves, Clock clock, no.bosetting.cases.ProtectedAddress protection) {
        this.protection = protection;
        this.moves = moves;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (protection.hides(actor, summary.id())) {
            return Optional.empty(); // where a protected household moved is where it lives (issue 18 item 4)
        }
        List<SecondaryMove> list = moves.forCase(summary.id());
        boolean canRegister = moves.validCommands(actor, summary).contains(MoveCommand.REGISTER_MOVE);
        if (list.isEmpty() && !canRegister) {
            return Optional.empty();
        }
        return Optional.of(new View("moves/panel", Map.of(
                "moves", list,
                "residents", moves.residents(summary.id()),
                "canRegister", canRegister,
                "reasons", MoveReason.values(),
                "today", LocalDate.now(clock),
                "countedYears", SecondaryMove.COUNTED_YEARS,
                "caseId", summary.id())));
    }
}

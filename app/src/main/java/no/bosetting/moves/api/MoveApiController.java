package no.bosetting.moves.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.moves.MoveReason;
import no.bosetting.moves.SecondaryMove;
import no.bosetting.moves.SecondaryMoves;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Secondary moves of a settled case's persons: register (the caseworker) and list. */
@RestController
@Tag(name = ApiDocumentation.TAG_DECISIONS)
class MoveApiController {

    private final SecondaryMoves moves;
    private final CaseQueries cases;

    private final no.bosetting.cases.ProtectedAddress protection; // issue 18 item 4 (h18-protect)

    MoveApiController(SecondaryMoves moves, CaseQueries cases, no.bosetting.cases.ProtectedAddress protection) {
        this.protection = protection;
        this.moves = moves;
        this.cases = cases;
    }

    /** personIds empty or absent: every settled member of the household moved. */
    public record MoveRequest(List<Long> personIds, LocalDate date, String toMunicipality, MoveReason reason, Boolean agreed, String note) {
    }

    public record Move(long id, long personId, String fromMunicipality, String toMunicipality, LocalDate date, LocalDate settledOn,
                       MoveReason reason, boolean agreed, String note, boolean countedWithinFiveYears, OffsetDateTime registeredAt,
                       String registeredBy) {
        static Move of(SecondaryMove m) {
            return new Move(m.id(), m.personId(), m.fromMunicipality(), m.toMunicipality(), m.movedOn(), m.settledOn(), m.reason(),
                    m.agreed(), m.note(), m.withinCountedYears(), m.registeredAt(), m.registeredBy());
        }
    }

    @PostMapping("/api/v1/cases/{id}/moves")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a secondary move of a settled person or household",
            description = "By an agency caseworker, on a settled case. From is where each person lives now (the settlement municipality "
                    + "or the last move's destination); the date may not be before settlement, after today or before the last move.")
    public List<Move> register(@PathVariable long id, @RequestBody MoveRequest request) {
        Actor actor = CurrentActor.get();
        List<Long> ids = CommandResult.attempt(() -> moves.register(actor, id, new SecondaryMoves.MoveForm(request.personIds(),
                request.date(), request.toMunicipality(), request.reason(), request.agreed(), request.note()))).value();
        return moves.forCase(id).stream().filter(m -> ids.contains(m.id())).map(Move::of).toList();
    }

    @GetMapping("/api/v1/cases/{id}/moves")
    @Operation(summary = "The secondary moves registered on a case, oldest first")
    public List<Move> list(@PathVariable long id) {
        if (cases.summary(id, CurrentActor.get()).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", id));
        }
        if (protection.hides(CurrentActor.get(), id)) {
            return List.of(); // where a protected household moved is where it lives (issue 18 item 4)
        }
        return moves.forCase(id).stream().map(Move::of).toList();
    }
}

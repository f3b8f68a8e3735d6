package no.bosetting.decisions.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.InformationChannel;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDateChange;
import no.bosetting.decisions.SettlementDecision;

/** The JSON shapes of decisions, settlement dates and places. */
final class DecisionJson {

    private DecisionJson() {
    }

    public record DateChange(OffsetDateTime changedAt, String changedBy, String changedByRole, LocalDate oldDate,
                             LocalDate newDate, String reason) {

        static DateChange of(SettlementDateChange c) {
            return new DateChange(c.changedAt(), c.changedBy(), c.changedByRole(), c.oldDate(), c.newDate(), c.reason());
        }
    }

    @Schema(description = "The individual decision on settlement municipality for one member, with its settlement-date history")
    public record Decision(long id, long caseId, long personId, String municipalityNumber, DecisionStatus status,
                           OffsetDateTime decidedAt, String decidedBy, LocalDate plannedSettlementDate, LocalDate settlementDate,
                           int placeYear,
                           @Schema(description = "Set when the agency accepted beyond the decided number") String overrideReason,
                           List<DateChange> dateChanges) {

        static Decision of(SettlementDecision d, List<SettlementDateChange> changes) {
            return new Decision(d.id(), d.caseId(), d.personId(), d.municipalityNumber(), d.status(), d.decidedAt(),
                    d.decidedBy(), d.plannedSettlementDate(), d.settlementDate(), d.placeYear(), d.overrideReason(),
                    changes.stream().filter(c -> c.decisionId() == d.id()).map(DateChange::of).toList());
        }
    }

    @Schema(description = "Registers the actual settlement date; changing a registered date is a correction and needs a reason")
    public record SettlementDateRequest(LocalDate date, String reason) {
    }

    @Schema(description = "The refugee declined the single offer; needs a reason and confirmation that the person was informed")
    public record DeclineRequest(String reason,
                                 @Schema(description = "The person was informed of, and understood, the consequence") Boolean informed,
                                 @Schema(description = "When the person was informed: not in the future, not before the permit") LocalDate informedOn,
                                 @Schema(description = "How the person was informed") InformationChannel informedChannel,
                                 @Schema(description = "The language the information was given in") String informedLanguage,
                                 @Schema(description = "The interpreter; required for CONVERSATION_WITH_INTERPRETER") String interpreter) {
    }

    public record DeclineResult(long caseId, CaseStatus status) {
    }

    @Schema(description = "Settled plus accepted-not-yet-settled against the decided number")
    public record Places(String municipalityNumber, int year, Integer decided, Integer decidedMinors, int settled,
                         int acceptedNotSettled, int used, Integer remaining, int minorsUsed, boolean exceeded,
                         @Schema(description = "YEAR, PERIOD (decided is what is left of the period's total) or RANGE") String kind,
                         @Schema(description = "What the places may never exceed: a range's maximum, otherwise decided") Integer ceiling,
                         @Schema(description = "Reunified family members among settled and accepted") int reunified,
                         @Schema(description = "Whether reunified family members come on top of the number") boolean reunifiedOnTop) {

        static Places of(PlacesUsed p) {
            return new Places(p.municipalityNumber(), p.year(), p.decided(), p.decidedMinors(), p.settled(),
                    p.acceptedNotSettled(), p.used(), p.remaining(), p.minorsUsed(), p.exceeded(), p.kind(), p.ceiling(),
                    p.reunified(), p.reunifiedOnTop());
        }
    }
}

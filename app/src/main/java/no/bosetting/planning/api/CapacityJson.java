package no.bosetting.planning.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;

/** The JSON shapes of the municipalities' capacity decisions. */
final class CapacityJson {

    private CapacityJson() {
    }

    @Schema(description = "The council's decision: persons to settle in the year, of which unaccompanied minors")
    public record CapacityRequest(Integer persons, Integer unaccompaniedMinors,
                                  @Schema(description = "The council meeting's date; not in the future") LocalDate decidedOn,
                                  @Schema(description = "Agency planner only: why the number may be below the places already used")
                                  String loweringOverrideReason) {
    }

    public record HistoryEntry(OffsetDateTime changedAt, String changedBy, int persons, int unaccompaniedMinors,
                               LocalDate decidedOn,
                               @Schema(description = "The agency planner's reason for a number below the places used")
                               String loweringOverrideReason) {

        static HistoryEntry of(CapacityDecisions.HistoryEntry h) {
            return new HistoryEntry(h.changedAt(), h.changedBy(), h.persons(), h.unaccompaniedMinors(), h.decidedOn(),
                    h.loweringOverrideReason());
        }
    }

    public record CapacityDecisionJson(String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                                       LocalDate decidedOn, @Schema(description = "Newest first") List<HistoryEntry> history) {

        static CapacityDecisionJson of(CapacityDecision d, List<CapacityDecisions.HistoryEntry> history) {
            return new CapacityDecisionJson(d.municipalityNumber(), d.year(), d.persons(), d.unaccompaniedMinors(), d.decidedOn(),
                    history.stream().map(HistoryEntry::of).toList());
        }
    }
}

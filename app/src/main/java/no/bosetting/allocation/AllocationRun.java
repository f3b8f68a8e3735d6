package no.bosetting.allocation;

import java.time.OffsetDateTime;
import java.util.List;

/** One engine run: its quality certificate and one item per household. */
public record AllocationRun(long id, AllocationPolicy policy, String status, int households, int assigned,
                            double objective, double upperBound, double gapPercent, double seconds,
                            OffsetDateTime createdAt, String createdBy, List<Item> items) {

    public record Item(long caseId, String caseReference, String householdType, int persons, boolean unaccompaniedMinor,
                       long daysWaited, String municipalityNumber, boolean pinned, Double score, String explanation,
                       String unassignedCode, String unassignedReason) {
    }
}

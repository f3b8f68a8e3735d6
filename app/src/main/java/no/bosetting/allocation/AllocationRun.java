package no.bosetting.allocation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One engine run: its quality certificate and one item per household. */
public record AllocationRun(long id, AllocationPolicy policy, String status, int households, int assigned,
                            double objective, double upperBound, double gapPercent, double seconds,
                            OffsetDateTime createdAt, String createdBy, List<Item> items) {

    /** A draft the caseworker may still pin and send from (a partly sent run stays a draft until all is sent). */
    public boolean draft() {
        return "DRAFT".equals(status);
    }

    /**
     * One household of the run. {@code firstMunicipality} is what the engine proposed before any pin in this chain of
     * runs; {@code sent} says its proposal has gone from this run.
     */
    public record Item(long caseId, String caseReference, String householdType, int persons, boolean unaccompaniedMinor,
                       long daysWaited, String municipalityNumber, boolean pinned, Double score, String explanation,
                       String unassignedCode, String unassignedReason, LocalDate permitDate, String firstMunicipality,
                       boolean sent) {

        /** Pinned by the caseworker, or moved by the engine when it re-optimised after a pin. */
        public boolean changed() {
            return pinned || (municipalityNumber == null ? firstMunicipality != null : !municipalityNumber.equals(firstMunicipality));
        }
    }
}

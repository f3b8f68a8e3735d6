package no.bosetting.proposals;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import no.bosetting.cases.HouseholdType;

/** A proposal in an overview list; no personal data. */
public record ProposalRow(long id, long allocationListId, long caseId, String caseReference, String municipalityNumber,
                          String municipalityName, ProposalStatus status, HouseholdType householdType, int persons,
                          boolean unaccompaniedMinor, OffsetDateTime proposedAt, LocalDate deadline, long daysLeft,
                          boolean overdue, OffsetDateTime answeredAt, Boolean answeredLate, RejectionReason rejectionCode,
                          String rejectionText, String overrideReason, Long allocationRunId, String policyName,
                          Integer policyVersion, String explanation) {
}

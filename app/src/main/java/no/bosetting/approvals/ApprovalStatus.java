package no.bosetting.approvals;

/** PENDING → APPROVED | RETURNED. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    RETURNED
}

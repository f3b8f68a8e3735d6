package no.bosetting.applications;

/** Where a settlement application is: a draft, sent, or handled by the agency. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    REFUSED
}
